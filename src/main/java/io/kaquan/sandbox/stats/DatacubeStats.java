package io.kaquan.sandbox.stats;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardIds;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.SimulatedCardType;

/**
 * The card statistics of the datacube APIs (SEED-MANAGE 统计卡券数据, reference §4.14): real per-day aggregates of
 * what simulated users did, in Asia/Shanghai days, only for days that have data, up to yesterday.
 */
@ApplicationScoped
public class DatacubeStats {

    /** The longest window: end_date − begin_date at most 62 days. */
    static final int MAX_RANGE_DAYS = 62;

    private static final List<String> KINDS = List.of("view", "receive", "verify", "given", "expire");

    @Inject
    EntityManager em;

    /** The window of a request, checked like WeChat: 61500 format, 61501 range (62 days, yesterday at most). */
    record Window(LocalDate begin, LocalDate end, int condSource) {
    }

    static Window window(ObjectNode body, LocalDate today) {
        LocalDate begin = date(body, "begin_date");
        LocalDate end = date(body, "end_date");
        if (end.isBefore(begin) || ChronoUnit.DAYS.between(begin, end) > MAX_RANGE_DAYS || !end.isBefore(today)) {
            throw new WeChatError(61501, "date range error");
        }
        int condSource = SandboxJson.requiredInt(body, "cond_source", CardRules.missing("cond_source"));
        if (condSource != 0 && condSource != 1) {
            throw CardRules.invalidArgs("cond_source must be 0 or 1");
        }
        return new Window(begin, end, condSource);
    }

    /** Exactly YYYY-MM-DD (as a string), a real date. */
    private static LocalDate date(ObjectNode body, String name) {
        JsonNode value = SandboxJson.field(body, name);
        if (value == null || !value.isTextual() || !value.textValue().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new WeChatError(61500, "date format error");
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw new WeChatError(61500, "date format error");
        }
    }

    static LocalDate today() {
        return LocalDate.now(Clock.system(CardIds.SHANGHAI));
    }

    /** datacube/getcardbizuininfo: the account's totals per day. */
    @Transactional
    public ObjectNode bizuin(SandboxAccount account, ObjectNode body) {
        Window window = window(body, today());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.ref_date, e.kind, count(*), count(distinct e.openid)"
                + " from sbx_stats_event e join sbx_card c on c.id = e.card_pk"
                + " where e.account_id = ?1 and c.source = ?2 and e.ref_date between ?3 and ?4"
                + " group by e.ref_date, e.kind")
                .setParameter(1, account.id).setParameter(2, window.condSource())
                .setParameter(3, Date.valueOf(window.begin())).setParameter(4, Date.valueOf(window.end()))
                .getResultList();
        Map<LocalDate, ObjectNode> days = new TreeMap<>();
        for (Object[] row : rows) {
            LocalDate day = localDate(row[0]);
            ObjectNode out = days.computeIfAbsent(day, DatacubeStats::emptyRow);
            put(out, (String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
        }
        return list(days.values());
    }

    /** datacube/getcardcardinfo: per day and card (free coupons; optionally one card). */
    @Transactional
    public ObjectNode cards(SandboxAccount account, ObjectNode body) {
        Window window = window(body, today());
        String cardId = SandboxJson.optionalText(body, "card_id").filter(id -> !id.isBlank()).orElse(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.ref_date, c.card_id, c.card_type, e.kind, count(*),"
                + " count(distinct e.openid) from sbx_stats_event e join sbx_card c on c.id = e.card_pk"
                + " where e.account_id = ?1 and c.source = ?2 and e.ref_date between ?3 and ?4"
                + " and (cast(?5 as text) is null or c.card_id = cast(?5 as text))"
                + " group by e.ref_date, c.card_id, c.card_type, e.kind")
                .setParameter(1, account.id).setParameter(2, window.condSource())
                .setParameter(3, Date.valueOf(window.begin())).setParameter(4, Date.valueOf(window.end()))
                .setParameter(5, cardId).getResultList();
        Map<String, ObjectNode> byDayAndCard = new TreeMap<>();
        for (Object[] row : rows) {
            LocalDate day = localDate(row[0]);
            String id = (String) row[1];
            ObjectNode out = byDayAndCard.computeIfAbsent(day + " " + id, key -> {
                ObjectNode fresh = WeChatReply.object();
                fresh.put("ref_date", day.toString());
                fresh.put("card_id", id);
                fresh.put("card_type", SimulatedCardType.valueOf((String) row[2]).datacubeType);
                KINDS.forEach(kind -> fresh.put(kind + "_cnt", 0).put(kind + "_user", 0));
                fresh.put("is_pay", 0);
                return fresh;
            });
            put(out, (String) row[3], ((Number) row[4]).longValue(), ((Number) row[5]).longValue());
        }
        return list(byDayAndCard.values());
    }

    /** datacube/getcardmembercardinfo: the sandbox creates no member cards, so checked windows have no rows. */
    public ObjectNode memberCards(ObjectNode body) {
        window(body, today());
        return list(List.of());
    }

    private static ObjectNode emptyRow(LocalDate day) {
        ObjectNode row = WeChatReply.object();
        row.put("ref_date", day.toString());
        KINDS.forEach(kind -> row.put(kind + "_cnt", 0).put(kind + "_user", 0));
        return row;
    }

    private static void put(ObjectNode row, String kind, long count, long users) {
        String name = kind.toLowerCase();
        row.put(name + "_cnt", count);
        row.put(name + "_user", users);
    }

    private static ObjectNode list(Iterable<ObjectNode> rows) {
        ObjectNode body = WeChatReply.object();
        ArrayNode list = body.putArray("list");
        rows.forEach(list::add);
        return body;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
    }
}
