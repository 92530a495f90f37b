package io.kaquan.sandbox.cards;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An image uploaded with media/uploadimg; its CDN-like URL is what card/create accepts as logo_url. */
@Entity(name = "SandboxImage")
@Table(name = "sbx_image")
public class MediaImage extends PanacheEntityBase {

    /** Looks like WeChat's CDN; the key names the image in this sandbox. */
    public static final String URL_PREFIX = "http://mmbiz.qpic.cn/sandbox/";
    /** Where the sandbox serves uploaded images back (api.MediaImageResource). */
    public static final String LOCAL_PATH = "/sandbox/static/mmbiz";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "media_key", nullable = false, unique = true)
    public String mediaKey;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public byte[] data;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String url() {
        return URL_PREFIX + mediaKey + "/0";
    }

    /** The key of a URL this sandbox issued (http or https), if it is one. */
    public static Optional<String> keyOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String rest;
        if (url.startsWith(URL_PREFIX)) {
            rest = url.substring(URL_PREFIX.length());
        } else if (url.startsWith("https://mmbiz.qpic.cn/sandbox/")) {
            rest = url.substring("https://mmbiz.qpic.cn/sandbox/".length());
        } else {
            return Optional.empty();
        }
        return rest.matches("[A-Za-z0-9_-]{16,64}/0") ? Optional.of(rest.substring(0, rest.length() - 2))
                : Optional.empty();
    }

    /** Where the console shows an image of an uploadimg URL; null for other URLs. */
    public static String localPath(String url) {
        return keyOf(url).map(key -> LOCAL_PATH + "/" + key).orElse(null);
    }

    public static boolean issued(String url) {
        return keyOf(url).map(key -> count("mediaKey", key) > 0).orElse(false);
    }

    public static Optional<MediaImage> byKey(String key) {
        return find("mediaKey", key).firstResultOptional();
    }
}
