package io.kaquan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What the edge refuses and how parameters are bounded, without booting the app. */
class MeantTextTest {

    @Test
    void shouldAcceptWhatPeopleTypeInAnyLanguage() {
        assertTrue(MeantText.isMeant("会员卡 · Café 🎉\t第一行\r\n第二行"));
        assertTrue(MeantText.isMeantUrlEncoded("q=%E4%BC%9A%E5%91%98&back=%2Ft%2F1%2Fcards%3Fa%3Db&x=+%20"));
        assertTrue(MeantText.isMeantUtf8("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRefuseNulControlsAndLoneSurrogates() {
        assertFalse(MeantText.isMeant("a\0b"));
        assertFalse(MeantText.isMeant("a\u0001b"));
        assertFalse(MeantText.isMeant("a\ud800b"));
        assertFalse(MeantText.isMeant("a\udc00"));
        assertFalse(MeantText.isMeantUrlEncoded("notice=a%00b"));
        assertFalse(MeantText.isMeantUrlEncoded("/t/1/cards/%00"));
        assertFalse(MeantText.isMeantUrlEncoded("q=%ED%A0%80")); // an encoded surrogate is malformed UTF-8
        assertFalse(MeantText.isMeantUrlEncoded("q=%FF"));
        assertFalse(MeantText.isMeantUtf8("<xml>".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void shouldLimitFieldsAndPathSegments() {
        assertTrue(MeantText.fitsUrlEncoded("q=" + "x".repeat(100), 100));
        assertFalse(MeantText.fitsUrlEncoded("q=" + "x".repeat(101), 100));
        assertTrue(MeantText.fitsUrlEncoded("q=" + "%41".repeat(100), 100));
        assertFalse(MeantText.fitsPath("/t/1/cards/" + "x".repeat(101), 100));
    }

    @Test
    void shouldBoundDates() {
        assertEquals(LocalDate.of(2026, 12, 7), BoundedInput.date(" 2026-12-07 "));
        assertNull(BoundedInput.date("+999999999-12-31"));
        assertNull(BoundedInput.date("-999999999-01-01"));
        assertNull(BoundedInput.date("1999-12-31"));
        assertNull(BoundedInput.date("2024-13-45"));
        assertNull(BoundedInput.date(null));
    }

    @Test
    void shouldGoBackOnlyToAValidPathOnThisSite() {
        assertEquals("/t/1/cards?q=a%20b", BoundedInput.backPath("/t/1/cards?q=a%20b", "/"));
        assertEquals("/", BoundedInput.backPath("/a b", "/"));
        assertEquals("/t/1", BoundedInput.backPath("/t/x/cards?a b", "/t/1"));
        assertEquals("/", BoundedInput.backPath("https://evil.example/", "/"));
        assertEquals("/", BoundedInput.backPath("//evil.example/", "/"));
        assertEquals("/", BoundedInput.backPath("/\\evil.example", "/"));
        assertEquals("/", BoundedInput.backPath(null, "/"));
    }
}
