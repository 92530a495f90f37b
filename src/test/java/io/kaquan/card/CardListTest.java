package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The card list reads its counts from the maintained {@code card_count} (V36) and its back half from the end: both must
 * give exactly what a plain count and a plain offset give, after inserts, moves and deletes.
 */
@QuarkusTest
class CardListTest {

    static final int CARDS = 237; // five pages of 50 minus a few: the last page is short

    @Inject
    CardList cardList;

    @Inject
    EntityManager em;

    @Test
    void shouldGiveEveryPageOfEverySortAndEveryCountAsAPlainQueryWould() {
        long tenant = tenantWithCards(CARDS);
        long neighbour = tenantWithCards(40);
        // Moves, deletes and a card without stock, as the sync and the processor make them.
        sql("update card set status = 'NOT_VERIFY' where tenant_id = ?1 and id % 7 = 0", tenant);
        sql("update card set card_type = 'GIFT', quantity = null where tenant_id = ?1 and id % 11 = 0", tenant);
        sql("update card set received_count = received_count + 1 where tenant_id = ?1", tenant); // moves nothing
        sql("delete from card where tenant_id = ?1 and id % 13 = 0", tenant);
        sql("update card set status = 'VERIFY_OK' where tenant_id = ?1 and id % 3 = 0", neighbour);

        for (String status : new String[] { null, "VERIFY_OK", "NOT_VERIFY", "DELETE" }) {
            for (String type : new String[] { null, "GIFT", "CASH" }) {
                for (CardList.Sort sort : CardList.Sort.values()) {
                    CardList.Filter first = CardList.Filter.of(status, type, null, sort.name(), 1);
                    CardList.Statement statement = cardList.statement(tenant, first);
                    long expectedTotal = QuarkusTransaction.requiringNew().call(() -> ((Number) statement
                            .bind(em.createNativeQuery("select count(*) from card where " + statement.where()))
                            .getSingleResult()).longValue());
                    List<String> expected = ids(statement, "select card_id from card where " + statement.where()
                            + " order by " + statement.orderBy());
                    List<String> paged = new ArrayList<>();
                    int pages = (int) Math.max(1, (expectedTotal + 49) / 50);
                    for (int page = 1; page <= pages; page++) {
                        CardList.Page result = page(tenant, CardList.Filter.of(status, type, null, sort.name(), page));
                        assertEquals(expectedTotal, result.total(), status + "/" + type);
                        result.cards().forEach(card -> paged.add(card.cardId));
                    }
                    assertEquals(expected, paged, status + "/" + type + "/" + sort);
                    assertEquals(expected, followingLinks(tenant, status, type, sort, pages), status + "/" + type + "/"
                            + sort + " by the pager's cursors");
                }
            }
        }
        // A search counts the cards themselves.
        CardList.Page search = page(tenant, CardList.Filter.of(null, null, "代金券", null, 1));
        assertEquals(count("select count(*) from card where tenant_id = ?1 and title like '代金券%'", tenant),
                search.total());
        // A term with letters still ignores case; one without (Chinese, digits) is compared as written.
        sql("update card set title = 'Coffee 代金券' where tenant_id = ?1 and id = (select min(id) from card "
                + "where tenant_id = ?1)", tenant);
        assertEquals(1, page(tenant, CardList.Filter.of(null, null, "COFFEE 代金", null, 1)).total());
        assertEquals(1, page(tenant, CardList.Filter.of(null, null, "coffee", null, 1)).total());
    }

    @Test
    void shouldForgetTheCountsOfADeletedTenantsCards() {
        long tenant = tenantWithCards(12);
        sql("delete from card where tenant_id = ?1", tenant);
        assertEquals(0, page(tenant, CardList.Filter.of(null, null, null, null, 1)).total());
        assertEquals(0, count("select coalesce(sum(cards), 0) from card_count where tenant_id = ?1", tenant));
    }

    /**
     * Every card of the list, read forwards by each page's next link (after its last card) and, to check the other
     * direction, backwards from the last page by each page's previous link (before its first card): both must give the
     * list of the plain query.
     */
    private List<String> followingLinks(long tenant, String status, String type, CardList.Sort sort, int pages) {
        List<String> forwards = new ArrayList<>();
        CardList.Page shown = page(tenant, CardList.Filter.of(status, type, null, sort.name(), 1));
        shown.cards().forEach(card -> forwards.add(card.cardId));
        for (int page = 2; page <= pages; page++) {
            shown = page(tenant, CardList.Filter.of(status, type, null, sort.name(), page,
                    sort.position(shown.cards().get(shown.cards().size() - 1)), null));
            assertEquals(page, shown.page());
            shown.cards().forEach(card -> forwards.add(card.cardId));
        }
        List<List<String>> backwards = new ArrayList<>();
        shown = page(tenant, CardList.Filter.of(status, type, null, sort.name(), pages));
        backwards.add(0, shown.cards().stream().map(card -> card.cardId).toList());
        for (int page = pages - 1; page >= 1; page--) {
            shown = page(tenant, CardList.Filter.of(status, type, null, sort.name(), page, null,
                    sort.position(shown.cards().get(0))));
            assertEquals(page, shown.page());
            backwards.add(0, shown.cards().stream().map(card -> card.cardId).toList());
        }
        assertEquals(forwards, backwards.stream().flatMap(List::stream).toList(), "backwards");
        return forwards;
    }

    @Test
    void shouldFallBackToThePageNumberWhenTheCursorsCardsAreGone() {
        long tenant = tenantWithCards(120);
        CardList.Page first = page(tenant, CardList.Filter.of(null, null, null, null, 1));
        String after = CardList.Sort.NEWEST.position(first.cards().get(first.cards().size() - 1));
        // every card after the cursor's is deleted (the oldest ones): the next link's page is read by its number
        sql("delete from card where tenant_id = ?1 and id in (select id from card where tenant_id = ?1 "
                + "order by created_at asc, id asc limit 70)", tenant);
        CardList.Page second = page(tenant, CardList.Filter.of(null, null, null, null, 2, after, null));
        assertEquals(1, second.page(), "50 cards left: one page");
        assertEquals(50, second.cards().size());
        // a cursor of another tenant's card reads only this tenant's cards
        long neighbour = tenantWithCards(60);
        CardList.Page theirs = page(neighbour, CardList.Filter.of(null, null, null, null, 1));
        String foreign = CardList.Sort.NEWEST.position(theirs.cards().get(49));
        CardList.Page mine = page(tenant, CardList.Filter.of(null, null, null, null, 2, foreign, null));
        mine.cards().forEach(card -> assertEquals(tenant, card.tenantId));
    }

    private CardList.Page page(long tenant, CardList.Filter filter) {
        return QuarkusTransaction.requiringNew().call(() -> cardList.page(tenant, filter));
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(CardList.Statement statement, String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) statement.bind(em.createNativeQuery(sql)).getResultList());
    }

    private long count(String sql, long tenant) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery(sql).setParameter(1, tenant).getSingleResult()).longValue());
    }

    private void sql(String sql, long tenant) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, tenant).executeUpdate());
    }

    /** A tenant with cards of five types, equal creation times in pairs and repeated titles and stock (ties). */
    private long tenantWithCards(int cards) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_user (subject, name, locale) values ('card-list', 'card-list', 'en') "
                    + "on conflict (subject) do nothing").executeUpdate();
            long tenant = ((Number) em.createNativeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    values ('card list', ?1, ?2, 'SAFE', true, 'x', 'x', 'x',
                        (select id from app_user where subject = 'card-list'))
                    returning id""").setParameter(1, TestTenants.appid()).setParameter(2, TestTenants.originalId())
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                    insert into card (tenant_id, card_id, card_type, title, status, quantity, total_quantity, origin,
                        created_at)
                    select ?1, format('plist%s_%s', ?1, i),
                        (array['CASH','DISCOUNT','GROUPON','GIFT','GENERAL_COUPON'])[1 + i % 5],
                        (array['代金券 ','折扣券 ','双人套餐 ','礼品兑换 ','通用优惠券 '])[1 + i % 5] || (i % 9),
                        case when i % 17 = 0 then 'DELETE' else 'VERIFY_OK' end, i % 6, 10, 'DISCOVERED',
                        timestamp '2026-01-01' + make_interval(mins => i / 2)
                    from generate_series(1, ?2) as i""").setParameter(1, tenant).setParameter(2, cards)
                    .executeUpdate();
            return tenant;
        });
    }
}
