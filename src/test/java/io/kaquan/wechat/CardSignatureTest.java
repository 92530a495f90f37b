package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The card signature of JS-SDK addCard against fixed vectors (computed apart, with Python's hashlib, from WeChat's
 * rule: the six values sorted as strings, joined, SHA-1).
 */
class CardSignatureTest {

    private static final String TICKET = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
    private static final String CARD = "pjZ8Yt1XGILfi-FUsewpnnolGgZk";

    @Test
    void shouldSignWithEmptyCodeAndOpenid() {
        assertEquals("71892a33f16993605284db96d25698a6ea722d9b",
                CardSignature.of(TICKET, "1404896688", CARD, null, "", "kaquan-nonce-1"));
    }

    @Test
    void shouldSortEveryValueBeforeHashing() {
        // sorted: 1404896688 CODE-0001 kaquan-nonce-1 oUserBound pjZ8… sM4A…
        assertEquals("b1b094936cea12c69bec91e3cb25646d7a933abc",
                CardSignature.of(TICKET, "1404896688", CARD, "CODE-0001", "oUserBound", "kaquan-nonce-1"));
    }
}
