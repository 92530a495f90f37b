package io.kaquan.sandbox;

import java.security.SecureRandom;

/**
 * A push signed and, when a key is given, encrypted the way WeChat does it (§2): the target URL with signature,
 * timestamp and nonce in its query, and for an encrypted push also encrypt_type=aes, msg_signature and the
 * {@code <Encrypt>} element for the body. Shared by an account's pushes and a platform's.
 *
 * @param encryptElement {@code <Encrypt><![CDATA[…]]></Encrypt>} and a line break; null for a plaintext push
 */
public record SignedPush(String url, String encryptElement) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param extraQuery appended after the nonce as given (e.g. {@code "&openid=…"}), or empty
     * @param aesKey the receiver's EncodingAESKey, or null for a plaintext push
     * @param appid the trailer of the encrypted message
     */
    public static SignedPush sign(String target, String token, long timestamp, String extraQuery, String aesKey,
            String appid, String plaintext) {
        String time = Long.toString(timestamp);
        String nonce = Long.toString(100_000_000L + RANDOM.nextInt(1_900_000_000));
        StringBuilder url = new StringBuilder(target).append(target.contains("?") ? '&' : '?').append("signature=")
                .append(SandboxCrypto.signature(token, time, nonce)).append("&timestamp=").append(time)
                .append("&nonce=").append(nonce).append(extraQuery);
        if (aesKey == null) {
            return new SignedPush(url.toString(), null);
        }
        String encrypted = SandboxCrypto.encrypt(aesKey, appid, plaintext);
        url.append("&encrypt_type=aes&msg_signature=").append(SandboxCrypto.signature(token, time, nonce, encrypted));
        return new SignedPush(url.toString(), "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>\n");
    }
}
