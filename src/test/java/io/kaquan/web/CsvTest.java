package io.kaquan.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV for Excel: RFC 4180 quoting, CRLF, a byte order mark, and no cell that a spreadsheet runs as a formula. */
class CsvTest {

    @Test
    void shouldQuoteAsRfc4180() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("", Csv.field(null));
        assertEquals("门店海报", Csv.field("门店海报"));
    }

    @Test
    void shouldMakeFormulasText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.field("+1"));
        assertEquals("'-1", Csv.field("-1"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'\tx", Csv.field("\tx"));
        assertEquals("\"'=1,2\"", Csv.field("=1,2"));
        assertEquals("a=1", Csv.field("a=1"));
    }

    @Test
    void shouldWriteUtf8WithByteOrderMarkAndCrlf() {
        Csv csv = new Csv().line(List.of("渠道", "领取")).line(List.of("海报", "2"));
        assertEquals("渠道,领取\r\n海报,2\r\n", csv.text());
        byte[] bytes = csv.bytes();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3));
        assertEquals(csv.text(), new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }
}
