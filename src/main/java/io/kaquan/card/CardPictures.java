package io.kaquan.card;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.tenant.CurrentTenant;
import io.quarkus.logging.Log;

/**
 * The pictures of a tenant's cards, shown through Kaquan: WeChat's picture host (mmbiz.qpic.cn) refuses other sites'
 * pages and is unreachable offline, so the merchant would see broken images. Not an open proxy: only a URL that one of
 * the tenant's own cards or drafts uses, only on WeChat's picture hosts, only JPEG, PNG or GIF (pictures WeChat
 * hosts may be GIF even though our uploads are JPG or PNG), at most 1 MB. A sandbox
 * tenant's picture is the sandbox's own copy (a redirect to it, as a browser would fetch it).
 */
@ApplicationScoped
public class CardPictures {

    /** As uploadimg allows. */
    static final int MAX_BYTES = CardImages.MAX_BYTES;
    private static final int CACHED = 64;
    private static final int ALLOWED_KEPT = 4096;
    /** How long "this tenant's cards use this URL" is believed without reading the cards again. */
    private static final Duration ALLOWED_FOR = Duration.ofMinutes(10);
    private static final Set<String> HOSTS = Set.of("mmbiz.qpic.cn", "mmbiz.qlogo.cn");
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif");
    /** What the sandbox's uploadimg answers; its copy is served at /sandbox/static/mmbiz/{key}. */
    private static final Pattern SANDBOX_URL = Pattern
            .compile("^https?://mmbiz\\.qpic\\.cn/sandbox/([A-Za-z0-9_-]{16,64})/0$");

    /** A picture to send, or the sandbox path to redirect to. */
    public record Picture(byte[] bytes, String contentType, String redirect) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    EntityManager em;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Recently fetched pictures by URL (they never change: WeChat gives a new URL to each upload). */
    private final Map<String, Picture> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
            return size() > CACHED;
        }
    });

    /**
     * (tenant, URL) pairs found in the tenant's cards lately, so that a card list of many logos reads the cards once per
     * logo every few minutes, not on every view (the check scans the tenant's card JSON).
     */
    private final Map<String, Instant> allowed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > ALLOWED_KEPT;
        }
    });

    /** The picture at {@code url}, when the current tenant's cards use it; empty for anything else. */
    public Optional<Picture> of(String url) {
        if (url == null || url.length() > 512 || !onWeChatHost(url) || !usedByTenant(url)) {
            return Optional.empty();
        }
        Matcher sandbox = SANDBOX_URL.matcher(url);
        if (currentTenant.get().sandbox && sandbox.matches()) {
            return Optional.of(new Picture(null, null, "/sandbox/static/mmbiz/" + sandbox.group(1)));
        }
        Picture known = cache.get(url);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Picture> fetched = fetch(url);
        fetched.ifPresent(picture -> cache.put(url, picture));
        return fetched;
    }

    static boolean onWeChatHost(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getUserInfo() == null
                    && (uri.getPort() == -1 || uri.getPort() == 80 || uri.getPort() == 443);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean usedByTenant(String url) {
        long tenant = currentTenant.id();
        String key = tenant + " " + url;
        Instant seen = allowed.get(key);
        if (seen != null && seen.plus(ALLOWED_FOR).isAfter(Instant.now())) {
            return true;
        }
        boolean used = readUsedByTenant(tenant, url);
        if (used) {
            allowed.put(key, Instant.now());
        }
        return used;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    boolean readUsedByTenant(long tenant, String url) {
        Number logos = (Number) em.createNativeQuery("select count(*) from card where tenant_id = ?1 and logo_url = ?2")
                .setParameter(1, tenant).setParameter(2, url).getSingleResult();
        if (logos.longValue() > 0) {
            return true; // the card list's pictures, without scanning the card JSON
        }
        Number cards = (Number) em.createNativeQuery("select count(*) from card where tenant_id = ?1 and "
                + "(logo_url = ?2 or position(?2 in coalesce(detail_json::text, '') || coalesce(sent_json::text, '')) > 0)")
                .setParameter(1, tenant)
                .setParameter(2, url).getSingleResult();
        if (cards.longValue() > 0) {
            return true;
        }
        Number drafts = (Number) em.createNativeQuery("select count(*) from card_draft where tenant_id = ?1 and "
                + "position(?2 in data::text) > 0").setParameter(1, tenant).setParameter(2, url).getSingleResult();
        return drafts.longValue() > 0;
    }

    private Optional<Picture> fetch(String url) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim()
                        .toLowerCase(Locale.ROOT);
                if (response.statusCode() != 200 || !TYPES.contains(type)) {
                    Log.debugf("Card picture %s not shown: HTTP %d, %s", url, response.statusCode(), type);
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    Log.debugf("Card picture %s not shown: larger than %d bytes", url, MAX_BYTES);
                    return Optional.empty();
                }
                return Optional.of(new Picture(bytes, type, null));
            }
        } catch (IOException | IllegalArgumentException e) {
            Log.debugf("Card picture %s not reachable: %s", url, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
