package io.kaquan.sandbox.cards;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.WeChatError;

/** media/uploadimg: JPG or PNG (by their magic bytes), at most 1 MB, kept so that any node can check and serve it. */
@ApplicationScoped
public class MediaImages {

    public static final int MAX_BYTES = 1024 * 1024;

    @Transactional
    public MediaImage upload(SandboxAccount account, byte[] data) {
        if (data == null || data.length == 0) {
            throw new WeChatError(41005, "media data missing");
        }
        if (data.length > MAX_BYTES) {
            throw new WeChatError(40009, "invalid image size");
        }
        String type = contentType(data);
        if (type == null) {
            throw new WeChatError(40005, "invalid file type");
        }
        MediaImage image = new MediaImage();
        image.accountId = account.id;
        image.mediaKey = CardIds.mediaKey();
        image.contentType = type;
        image.sizeBytes = data.length;
        image.data = data;
        image.createdAt = Instant.now();
        image.persist();
        return image;
    }

    /** image/jpeg or image/png by the file's first bytes, or null. */
    static String contentType(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
        if (data.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (data[i] != png[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }
}
