package io.kaquan.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The sandbox's own WeChat crypto against every official vector of §2.6 (and §2.1/§2.2) of the protocol reference. */
class SandboxCryptoTest {

    // Vector A: official Java sample WXBizMsgCryptTest / WxJava WxCryptUtilTest (fixed random)
    static final String A_TOKEN = "pamtest";
    static final String A_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String A_KEY_HEX = "69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051";
    static final String A_APPID = "wxb11529c136998cb6";
    static final String A_TIMESTAMP = "1409304348";
    static final String A_NONCE = "xxxxxx";
    static final String A_RANDOM = "aaaabbbbccccdddd";
    static final String A_MSG = "我是中文abcd123";
    static final String A_ENCRYPT = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    static final String A_MSG_SIGNATURE = "82c962d39941aa48552f90ef55aa323dc620cc10";
    static final String A_SIGNATURE = "76480565cbe296026c53aaacd1ad523a1ddba24f";
    static final String A_MSG2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName>"
            + "<FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime>"
            + "<MsgType><![CDATA[video]]></MsgType><Video>"
            + "<MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId>"
            + "<Title><![CDATA[testCallBackReplyVideo]]></Title>"
            + "<Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
    static final String A_ENCRYPT2 = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQ"
            + "RG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa"
            + "5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZ"
            + "I27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmk"
            + "wWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqRO"
            + "xuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/d"
            + "QudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

    // Vector C: official Python Sample.py, compatible mode
    static final String C_TOKEN = "spamtest";
    static final String C_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String C_APPID = "wx2c2769f8efd9abc2";
    static final String C_TIMESTAMP = "1409735669";
    static final String C_NONCE = "1320562132";
    static final String C_MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    static final String C_ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
    static final String C_PLAIN = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n"
            + "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n"
            + "<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n"
            + "<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>";

    // Vector E: current official doc, safe mode, 43 x "A" key
    static final String E_TOKEN = "AAAAA";
    static final String E_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String E_APPID = "wx134c8103faa5a59e";
    static final String E_TIMESTAMP = "1715943329";
    static final String E_NONCE = "1590219412";
    static final String E_MSG_SIGNATURE = "6c12a4205838198b8fa631b3220723bb07f1015c";
    static final String E_ENCRYPT = "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
    static final String E_PLAIN = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n"
            + "<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>\n"
            + "<CreateTime>1715943329</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n"
            + "<Event><![CDATA[debug_demo]]></Event>\n<debug_str><![CDATA[hello world]]></debug_str>\n</xml>";
    static final String E_REPLY_RANDOM = "999951349e8ee746";
    static final String E_REPLY = "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>";
    static final String E_REPLY_TIMESTAMP = "1713424427";
    static final String E_REPLY_NONCE = "415670741";
    static final String E_REPLY_ENCRYPT = "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7";
    static final String E_REPLY_SIGNATURE = "03e0812039325c2712ef5f0f980fd14c70d6e307";

    // Vector B: official Java sample testVerifyUrl (WeCom-style encrypted echostr)
    static final String B_TOKEN = "QDG6eK";
    static final String B_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String B_ID = "wx5823bf96d3bd56c7";
    static final String B_TIMESTAMP = "1409659589";
    static final String B_NONCE = "263014780";
    static final String B_MSG_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    static final String B_ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String B_PLAIN = "1616140317555161061";

    @Test
    void shouldSignUrlVerificationLikeTheOfficialExample() {
        assertEquals("f464b24fc39322e44b38aa78f5edd27bd1441696",
                SandboxCrypto.signature("AAAAA", "1714036504", "1514711492"));
    }

    @Test
    void shouldSignPlaintextPushLikeTheOfficialExample() {
        assertEquals("899cf89e464efb63f54ddac96b0a0a235f53aa78",
                SandboxCrypto.signature("AAAAA", "1714037059", "486452656"));
    }

    @Test
    void shouldDeriveTheAesKeyOfVectorA() {
        assertArrayEquals(HexFormat.of().parseHex(A_KEY_HEX), SandboxCrypto.aesKey(A_KEY));
    }

    @Test
    void shouldEncryptVectorAExactly() {
        assertEquals(A_ENCRYPT, SandboxCrypto.encrypt(A_KEY, A_APPID, A_MSG, bytes(A_RANDOM)));
        assertEquals(A_ENCRYPT2, SandboxCrypto.encrypt(A_KEY, A_APPID, A_MSG2, bytes(A_RANDOM)));
    }

    @Test
    void shouldDecryptVectorA() {
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(A_KEY, A_ENCRYPT);
        assertEquals(A_MSG, plain.message());
        assertEquals(A_APPID, plain.appid());
        assertEquals(A_RANDOM, plain.random());
        assertEquals(A_MSG2, SandboxCrypto.decrypt(A_KEY, A_ENCRYPT2).message());
    }

    @Test
    void shouldSignVectorA() {
        assertEquals(A_MSG_SIGNATURE, SandboxCrypto.signature(A_TOKEN, A_TIMESTAMP, A_NONCE, A_ENCRYPT));
        assertEquals(A_SIGNATURE, SandboxCrypto.signature(A_TOKEN, A_TIMESTAMP, A_NONCE));
    }

    @Test
    void shouldVerifyAndDecryptVectorC() {
        assertEquals(C_MSG_SIGNATURE, SandboxCrypto.signature(C_TOKEN, C_TIMESTAMP, C_NONCE, C_ENCRYPT));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(C_KEY, C_ENCRYPT);
        assertEquals(C_PLAIN, plain.message());
        assertEquals(C_APPID, plain.appid());
        assertEquals("89465c840c5f116f", plain.random());
        // And back: the same random gives the same ciphertext.
        assertEquals(C_ENCRYPT, SandboxCrypto.encrypt(C_KEY, C_APPID, C_PLAIN, bytes("89465c840c5f116f")));
    }

    @Test
    void shouldVerifyAndDecryptVectorEWithItsThirtyTwoBytePadding() {
        assertEquals(E_MSG_SIGNATURE, SandboxCrypto.signature(E_TOKEN, E_TIMESTAMP, E_NONCE, E_ENCRYPT));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(E_KEY, E_ENCRYPT);
        assertEquals(E_PLAIN, plain.message());
        assertEquals(292, plain.message().getBytes(StandardCharsets.UTF_8).length);
        assertEquals(E_APPID, plain.appid());
        // 16 + 4 + 292 + 18 = 330 bytes, padded with 22 bytes of 22 to 352 = 11 blocks of 32.
        assertEquals(352, Base64.getDecoder().decode(E_ENCRYPT).length);
    }

    @Test
    void shouldEncryptAndSignTheReplyOfVectorE() {
        String encrypted = SandboxCrypto.encrypt(E_KEY, E_APPID, E_REPLY, bytes(E_REPLY_RANDOM));
        assertEquals(E_REPLY_ENCRYPT, encrypted);
        assertEquals(E_REPLY_SIGNATURE, SandboxCrypto.signature(E_TOKEN, E_REPLY_TIMESTAMP, E_REPLY_NONCE, encrypted));
    }

    @Test
    void shouldVerifyAndDecryptVectorB() {
        assertEquals(B_MSG_SIGNATURE, SandboxCrypto.signature(B_TOKEN, B_TIMESTAMP, B_NONCE, B_ECHOSTR));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(B_KEY, B_ECHOSTR);
        assertEquals(B_PLAIN, plain.message());
        assertEquals(B_ID, plain.appid());
    }

    @Test
    void shouldRoundTripWithRandomPrefix() {
        String msg = "<xml><Event><![CDATA[card_pass_check]]></Event>\n<CardId><![CDATA[卡券]]></CardId></xml>";
        String encrypted = SandboxCrypto.encrypt(E_KEY, E_APPID, msg);
        assertEquals(msg, SandboxCrypto.decrypt(E_KEY, encrypted).message());
        assertEquals(0, Base64.getDecoder().decode(encrypted).length % 32);
    }

    @Test
    void shouldRefuseKeysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> SandboxCrypto.aesKey("short"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
