package io.kaquan.demo;

import static io.kaquan.stats.StatsFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kaquan.card.Card;
import io.kaquan.stats.Counts;
import io.kaquan.stats.StatsFixtures;
import io.kaquan.stats.StatsFixtures.Account;
import io.kaquan.testing.Session;
import io.kaquan.wechat.CardStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The dev demo's statistics, seeded for a test tenant (the dev-mode trigger itself is off in tests). */
@QuarkusTest
class StatsDemoTest {

    @Inject
    StatsDemo demo;

    @Test
    void seedsApprovedCardsDaysOfActivityAndTheirStatisticsOnce() {
        Account account = StatsFixtures.register(Session.login("stats-demo-owner"), "演示统计");
        long tenant = account.tenantId();
        LocalDate t = today();

        StatsDemo.Seeded first = demo.seed(tenant, t, 6);

        assertEquals(4, first.cardsCreated().size());
        assertEquals(6, first.daysSimulated());
        assertTrue(first.actions() > 6 * 4 * 2, "at least two receipts per card and day: " + first.actions());
        assertTrue(first.synced().ok(), first.synced().summary());
        List<Card> cards = QuarkusTransaction.requiringNew()
                .call(() -> Card.<Card> list("tenantId", tenant));
        assertEquals(4, cards.size());
        cards.forEach(card -> assertEquals(CardStatus.VERIFY_OK, card.status, card.title));

        Map<LocalDate, Counts> days = StatsFixtures.accountDays(tenant, 1);
        for (LocalDate day = t.minusDays(6); day.isBefore(t); day = day.plusDays(1)) {
            assertTrue(days.containsKey(day) && days.get(day).receiveCnt >= 8, day + ": " + days.get(day));
        }
        assertTrue(!days.containsKey(t), "today is not served yet");
        long views = days.values().stream().mapToLong(c -> c.viewCnt).sum();
        long redemptions = days.values().stream().mapToLong(c -> c.verifyCnt).sum();
        long expiries = days.values().stream().mapToLong(c -> c.expireCnt).sum();
        assertTrue(views > 0 && redemptions > 0 && expiries > 0, days.toString());

        // A second start: no new cards, no day simulated twice, the statistics untouched.
        List<String> stored = StatsFixtures.snapshot(tenant);
        StatsDemo.Seeded second = demo.seed(tenant, t, 6);
        assertEquals(List.of(), second.cardsCreated());
        assertEquals(0, second.daysSimulated());
        assertEquals(0, second.actions());
        assertEquals(6, second.synced().calls(), "only the last days read again");
        assertEquals(4, QuarkusTransaction.requiringNew().call(() -> Card.count("tenantId", tenant)));
        assertEquals(stored, StatsFixtures.snapshot(tenant));
    }
}
