package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CardStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CardMirrorTest {

    @Inject
    CardMirror mirror;

    @Test
    void aCardReadFromWeChatIsMirroredOncePerTenant() {
        long tenant = TestTenants.register(Session.login("mirror-owner"), "镜像测试");
        String cardId = TestCards.create(tenant, "CASH");

        Card card = TestCards.stored(tenant, cardId);
        assertEquals("CASH", card.cardType);
        assertEquals(CardStatus.NOT_VERIFY, card.status);
        assertEquals(1000, card.quantity);
        assertEquals(1000, card.totalQuantity);
        assertEquals("双人套餐券", card.title);
        assertNotNull(card.detailJson);

        TestCards.review(cardId, true, null);
        TestCards.mirror(tenant, cardId);
        assertEquals(CardStatus.VERIFY_OK, TestCards.stored(tenant, cardId).status);
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> Card.count("tenantId = ?1 and cardId = ?2", tenant, cardId));
        assertEquals(1, rows);

        // ensure() on an existing row returns it untouched
        Card again = QuarkusTransaction.requiringNew()
                .call(() -> mirror.ensure(tenant, cardId, "GIFT", CardStatus.UNKNOWN, Card.Origin.DISCOVERED));
        assertEquals("CASH", again.cardType);
        assertEquals(Card.Origin.KAQUAN, again.origin);
    }
}
