package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one place fen become yuan and percent off becomes 折: exact at the edges, refusing what cannot be. */
class CardVocabularyTest {

    @Test
    void shouldWriteFenAsYuanExactly() {
        assertEquals("0.00", CardVocabulary.yuan(0));
        assertEquals("0.01", CardVocabulary.yuan(1));
        assertEquals("10.50", CardVocabulary.yuan(1050));
        assertEquals("-0.99", CardVocabulary.yuan(-99));
        assertEquals("92233720368547758.07", CardVocabulary.yuan(Long.MAX_VALUE));
    }

    @Test
    void shouldWritePercentOffAsThePaidShareInZhe() {
        assertEquals("10", CardVocabulary.zhe(0));
        assertEquals("9.9", CardVocabulary.zhe(1));
        assertEquals("8.5", CardVocabulary.zhe(15));
        assertEquals("7", CardVocabulary.zhe(30));
        assertEquals("1", CardVocabulary.zhe(90));
        assertEquals("0.1", CardVocabulary.zhe(99));
        assertEquals("0", CardVocabulary.zhe(100));
        assertThrows(IllegalArgumentException.class, () -> CardVocabulary.zhe(-1));
        assertThrows(IllegalArgumentException.class, () -> CardVocabulary.zhe(101));
    }
}
