package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Every official vector of the protocol reference (§2.1, §2.2, §2.6), and the ways a ciphertext is refused. */
class CallbackCryptoTest {

    // §2.1 GET verification and §2.2 plaintext POST (current official docs)
    static final String DOC_TOKEN = "AAAAA";

    // Vector A: official Java sample WXBizMsgCryptTest / WxJava WxCryptUtilTest
    static final String A_TOKEN = "pamtest";
    static final String A_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String A_KEY_HEX = "69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051";
    static final String A_APPID = "wxb11529c136998cb6";
    static final String A_TIMESTAMP = "1409304348";
    static final String A_NONCE = "xxxxxx";
    static final byte[] A_RANDOM = "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII);
    static final String A_MSG = "我是中文abcd123";
    static final String A_ENCRYPT = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    static final String A_MSG2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
    static final String A_ENCRYPT2 = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

    // Vector B: official Java sample testVerifyUrl (WeCom-style encrypted echostr; crypto only)
    static final String B_TOKEN = "QDG6eK";
    static final String B_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String B_APPID = "wx5823bf96d3bd56c7";
    static final String B_ECHO = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    // Vector C: official Python Sample.py, compatible mode
    static final String C_TOKEN = "spamtest";
    static final String C_APPID = "wx2c2769f8efd9abc2";
    static final String C_ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
    static final String C_PLAIN = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>";

    // Vector E: current official doc, 43×"A" key
    static final String E_TOKEN = "AAAAA";
    static final String E_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String E_APPID = "wx134c8103faa5a59e";
    static final String E_ENCRYPT = "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
    static final byte[] E_REPLY_RANDOM = "999951349e8ee746".getBytes(StandardCharsets.US_ASCII);
    static final String E_REPLY_MSG = "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>";
    static final String E_REPLY_ENCRYPT = "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7";

    @Test
    void shouldComputeTheGetVerificationSignatureOfTheDocs() {
        assertEquals("f464b24fc39322e44b38aa78f5edd27bd1441696",
                CallbackCrypto.signature(DOC_TOKEN, "1714036504", "1514711492"));
    }

    @Test
    void shouldComputeThePlaintextPostSignatureOfTheDocs() {
        assertEquals("899cf89e464efb63f54ddac96b0a0a235f53aa78",
                CallbackCrypto.signature(DOC_TOKEN, "1714037059", "486452656"));
    }

    @Test
    void shouldDecodeTheEncodingAesKeyOfVectorA() throws Exception {
        assertEquals(A_KEY_HEX, HexFormat.of().formatHex(CallbackCrypto.aesKey(A_KEY)));
        assertEquals("00".repeat(32), HexFormat.of().formatHex(CallbackCrypto.aesKey(E_KEY)));
    }

    @Test
    void shouldEncryptVectorAExactly() throws Exception {
        assertEquals(A_ENCRYPT, CallbackCrypto.encrypt(A_KEY, A_APPID, A_MSG, A_RANDOM));
        assertEquals(A_ENCRYPT2, CallbackCrypto.encrypt(A_KEY, A_APPID, A_MSG2, A_RANDOM));
    }

    @Test
    void shouldDecryptVectorA() throws Exception {
        assertEquals(A_MSG, CallbackCrypto.decrypt(A_KEY, A_APPID, A_ENCRYPT));
        assertEquals(A_MSG2, CallbackCrypto.decrypt(A_KEY, A_APPID, A_ENCRYPT2));
    }

    @Test
    void shouldSignVectorA() {
        assertEquals("82c962d39941aa48552f90ef55aa323dc620cc10",
                CallbackCrypto.signature(A_TOKEN, A_TIMESTAMP, A_NONCE, A_ENCRYPT));
        assertEquals("76480565cbe296026c53aaacd1ad523a1ddba24f",
                CallbackCrypto.signature(A_TOKEN, A_TIMESTAMP, A_NONCE));
    }

    @Test
    void shouldVerifyAndDecryptVectorB() throws Exception {
        assertTrue(CallbackCrypto.sameSignature(CallbackCrypto.signature(B_TOKEN, "1409659589", "263014780", B_ECHO),
                "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"));
        assertEquals("1616140317555161061", CallbackCrypto.decrypt(B_KEY, B_APPID, B_ECHO));
    }

    @Test
    void shouldVerifyAndDecryptVectorCWithItsLineBreaks() throws Exception {
        assertEquals("5d197aaffba7e9b25a30732f161a50dee96bd5fa",
                CallbackCrypto.signature(C_TOKEN, "1409735669", "1320562132", C_ENCRYPT));
        CallbackCrypto.Plain plain = CallbackCrypto.decrypt(A_KEY, C_ENCRYPT);
        assertEquals(C_PLAIN, plain.message());
        assertEquals(C_APPID, plain.appid());
    }

    @Test
    void shouldRecoverTheRandomOfVectorC() throws Exception {
        // The random prefix is the only part decrypt() drops; check it against the reference through a re-encryption.
        assertEquals(C_ENCRYPT, CallbackCrypto.encrypt(A_KEY, C_APPID, C_PLAIN,
                "89465c840c5f116f".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldVerifyAndDecryptVectorE() throws Exception {
        assertEquals("6c12a4205838198b8fa631b3220723bb07f1015c",
                CallbackCrypto.signature(E_TOKEN, "1715943329", "1590219412", E_ENCRYPT));
        String message = CallbackCrypto.decrypt(E_KEY, E_APPID, E_ENCRYPT);
        assertEquals(292, message.getBytes(StandardCharsets.UTF_8).length);
        Map<String, String> fields = CallbackXml.parse(message);
        assertEquals("gh_97417a04a28d", fields.get("ToUserName"));
        assertEquals("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", fields.get("FromUserName"));
        assertEquals("1715943329", fields.get("CreateTime"));
        assertEquals("debug_demo", fields.get("Event"));
        assertEquals("hello world", fields.get("debug_str"));
    }

    @Test
    void shouldPadVectorEWithTwentyTwoBytesWhichOnlyA32ByteBlockGives() throws Exception {
        byte[] cipher = Base64.getDecoder().decode(E_ENCRYPT);
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        byte[] key = new byte[32];
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(key, 0, 16));
        byte[] plain = aes.doFinal(cipher);
        assertEquals(22, plain[plain.length - 1]);
    }

    @Test
    void shouldEncryptAndSignTheReplyOfVectorE() throws Exception {
        String encrypted = CallbackCrypto.encrypt(E_KEY, E_APPID, E_REPLY_MSG, E_REPLY_RANDOM);
        assertEquals(E_REPLY_ENCRYPT, encrypted);
        assertEquals("03e0812039325c2712ef5f0f980fd14c70d6e307",
                CallbackCrypto.signature(E_TOKEN, "1713424427", "415670741", encrypted));
    }

    @Test
    void shouldRefuseAnotherAppid() {
        CallbackCrypto.Refused refused = assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.decrypt(A_KEY, "wx0000000000000000", A_ENCRYPT));
        assertEquals(CallbackCrypto.Problem.APPID_MISMATCH, refused.problem());
    }

    @Test
    void shouldRefuseTheWrongKey() {
        CallbackCrypto.Refused refused = assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.decrypt(B_KEY, A_APPID, A_ENCRYPT2));
        assertTrue(refused.problem() == CallbackCrypto.Problem.DECRYPT_FAILED
                || refused.problem() == CallbackCrypto.Problem.ILLEGAL_BUFFER);
    }

    @Test
    void shouldRefuseBrokenCiphertexts() {
        assertEquals(CallbackCrypto.Problem.BAD_BASE64, assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.decrypt(A_KEY, A_APPID, "not base64 at all!")).problem());
        assertEquals(CallbackCrypto.Problem.DECRYPT_FAILED, assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.decrypt(A_KEY, A_APPID, "AAAA")).problem());
        assertEquals(CallbackCrypto.Problem.DECRYPT_FAILED, assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.decrypt(A_KEY, A_APPID, "")).problem());
    }

    @Test
    void shouldRefuseKeysThatAreNot43Characters() {
        assertEquals(CallbackCrypto.Problem.ILLEGAL_AES_KEY, assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.aesKey("short")).problem());
        assertEquals(CallbackCrypto.Problem.ILLEGAL_AES_KEY, assertThrows(CallbackCrypto.Refused.class,
                () -> CallbackCrypto.aesKey("!".repeat(43))).problem());
    }

    @Test
    void shouldCompareSignaturesExactly() {
        String good = CallbackCrypto.signature(A_TOKEN, A_TIMESTAMP, A_NONCE);
        assertTrue(CallbackCrypto.sameSignature(good, good));
        assertTrue(CallbackCrypto.sameSignature(good, good.toUpperCase()));
        assertFalse(CallbackCrypto.sameSignature(good, good.substring(1) + "0"));
        assertFalse(CallbackCrypto.sameSignature(good, good.substring(0, 39)));
        assertFalse(CallbackCrypto.sameSignature(good, null));
        assertFalse(CallbackCrypto.sameSignature(good, ""));
    }
}
