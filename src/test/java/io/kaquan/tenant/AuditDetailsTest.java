package io.kaquan.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kaquan.tenant.AuditDetails.Line;

/** Audit details as written by the features, read back as key/value lines for the audit page. */
class AuditDetailsTest {

    @Test
    void spaceSeparatedPairsWithSpacesInValues() {
        assertEquals(List.of(new Line("type", "CASH"), new Line("title", "双人 套餐"), new Line("draft", "12")),
                AuditDetails.lines("type=CASH title=双人 套餐 draft=12"));
    }

    @Test
    void semicolonAndCommaSeparatedPairs() {
        assertEquals(List.of(new Line("card_id", "p1"), new Line("reason", "顾客退款"), new Line("operation", "7")),
                AuditDetails.lines("card_id=p1; reason=顾客退款; operation=7"));
        assertEquals(List.of(new Line("name", "a → b"), new Line("mode", "SAFE → PLAIN")),
                AuditDetails.lines("name: a → b, mode: SAFE → PLAIN"));
    }

    @Test
    void textWithoutKeysIsOneLine() {
        assertEquals(List.of(new Line(null, "3 alert(s)")), AuditDetails.lines("3 alert(s)"));
        assertEquals(List.of(), AuditDetails.lines(null));
        assertEquals(List.of(), AuditDetails.lines(" "));
        assertEquals(List.of(new Line(null, "OWNER → VIEWER")), AuditDetails.lines("OWNER → VIEWER"));
    }

    @Test
    void knownKeys() {
        assertEquals(AuditDetail.CARD, AuditDetail.of("card_id").orElseThrow());
        assertEquals(AuditDetail.REQUESTED_BY, AuditDetail.of("requested_by").orElseThrow());
        assertEquals(AuditDetail.SIMILAR_TO, AuditDetail.of("similar-to").orElseThrow());
        assertEquals(AuditDetail.REASON, AuditDetail.of("reason").orElseThrow());
        assertEquals(true, AuditDetail.of("whatever").isEmpty());
    }
}
