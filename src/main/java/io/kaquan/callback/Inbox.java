package io.kaquan.callback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.tenant.CallbackKeys;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes pushes down: tenant events into the inbox (once per dedupe key), the others apart for the platform admin. */
@ApplicationScoped
public class Inbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_STORED_QUERY = 2000;
    /** The first key of the advisory lock that serialises proofs of one original id ("kq" + 3). */
    static final int ORIGINAL_ID_LOCK_SPACE = 0x6b71_0003;
    /** The budget row of all sources together. */
    static final String EVERYBODY = "*";

    @Inject
    EntityManager em;

    @Inject
    CallbackConfig config;

    @Inject
    InboxWriter writer;

    @Inject
    CallbackKeys callbackKeys;

    /** A decrypted, authenticated message of a tenant. */
    public record Incoming(Long tenantId, Map<String, String> fields, String rawXml, String arrivedAs,
            boolean previousKey) {

        public String eventType() {
            String msgType = fields.getOrDefault("MsgType", "");
            String event = fields.get("Event");
            return "event".equals(msgType) && event != null && !event.isEmpty() ? event
                    : msgType.isEmpty() ? "unknown" : msgType;
        }

        /**
         * FromUserName|CreateTime|Event|CardId|UserCardCode (the protocol reference's recommendation for card events,
         * which carry no MsgId); messages with a MsgId dedupe on it, like WeChat advises.
         */
        public String dedupeKey() {
            String msgId = fields.get("MsgId");
            if (msgId != null && !msgId.isEmpty()) {
                return "msg|" + msgId;
            }
            return String.join("|", field("FromUserName"), field("CreateTime"), eventType(), field("CardId"),
                    field("UserCardCode"));
        }

        String field(String name) {
            String value = fields.get(name);
            return value == null ? "" : value;
        }

        long createTime() {
            try {
                return Long.parseLong(field("CreateTime"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /**
     * Stores the event unless an event with its dedupe key is already there; answers whether it was new. The event is
     * committed when this returns (in a group with the pushes that arrived with it, {@link InboxWriter}), whatever
     * the caller's transaction does: the caller may answer "success".
     */
    public boolean store(Incoming incoming) {
        String fieldsJson;
        try {
            fieldsJson = JSON.writeValueAsString(incoming.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
        return writer.store(incoming, fieldsJson);
    }

    /**
     * Keeps a push apart for the platform admin: a bounded prefix of it, and for an unauthenticated one ({@code
     * tenantId} null) only within the hour's budgets of its source and of everybody; beyond, it is only logged.
     */
    @Transactional
    public void park(UnroutableEvent.Reason reason, String toUserName, Long tenantId, String query, String body,
            String detail, String remoteAddr) {
        String storedQuery = utf8Prefix(query == null ? "" : query, MAX_STORED_QUERY);
        String storedBody = utf8Prefix(body == null ? "" : body, config.unroutable().storedBodyBytes());
        String source = remoteAddr == null ? "?" : clip(remoteAddr, 100);
        long bytes = utf8Length(storedQuery) + utf8Length(storedBody);
        if (tenantId == null && !withinBudget(source, bytes)) {
            Log.warnf("Unroutable push for %s from %s not stored: this hour's budget is used up", clip(
                    toUserName == null ? "" : toUserName, 64), source);
            return;
        }
        UnroutableEvent event = new UnroutableEvent();
        event.reason = reason;
        event.toUserName = clip(toUserName == null ? "" : toUserName, 200);
        event.tenantId = tenantId;
        event.query = storedQuery;
        event.body = storedBody;
        event.detail = detail == null ? null : clip(detail, 500);
        event.remoteAddr = source;
        event.receivedAt = Instant.now();
        event.persist();
    }

    /** Takes the push from its source's budget, then from everybody's (in this order always: no deadlock). */
    private boolean withinBudget(String source, long bytes) {
        Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS);
        CallbackConfig.Unroutable budget = config.unroutable();
        return take(window, source, bytes, budget.perSourcePerHour(), budget.bytesPerSourcePerHour())
                && take(window, EVERYBODY, bytes, budget.perHour(), budget.bytesPerHour());
    }

    /**
     * One atomic increment of the window's counter row, done only while it stays within both limits: the row lock of
     * the upsert serialises concurrent senders, so the budget is exact. A refused push still counted against its
     * source when everybody's budget is full: harmless, the hour is over for that source anyway.
     */
    private boolean take(Instant window, String source, long bytes, int maxPushes, long maxBytes) {
        if (bytes > maxBytes) {
            return false;
        }
        return em.createNativeQuery("""
                insert into unroutable_budget (window_start, source, pushes, bytes) values (?1, ?2, 1, ?3)
                on conflict (window_start, source) do update
                set pushes = unroutable_budget.pushes + 1, bytes = unroutable_budget.bytes + excluded.bytes
                where unroutable_budget.pushes < ?4 and unroutable_budget.bytes + excluded.bytes <= ?5""")
                .setParameter(1, window).setParameter(2, source).setParameter(3, bytes).setParameter(4, maxPushes)
                .setParameter(5, maxBytes).executeUpdate() == 1;
    }

    /**
     * WeChat checked the URL (GET) or a correctly signed push arrived: the merchant's configuration works, and the
     * tenant's claim on its original id is proven, unless another tenant proved it first. Serialised per original id
     * (advisory lock), so that two provisional claims proven at once cannot both win.
     */
    @Transactional
    public void markVerified(Long tenantId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, (select hashtext(original_id) from tenant "
                + "where id = ?2))").setParameter(1, ORIGINAL_ID_LOCK_SPACE).setParameter(2, tenantId).getSingleResult();
        em.createNativeQuery("""
                update tenant t set callback_verified_at = cast(?1 as timestamptz),
                    original_id_verified_at = coalesce(t.original_id_verified_at, case when not exists (
                        select 1 from tenant o where o.original_id = t.original_id and o.id <> t.id
                        and o.original_id_verified_at is not null) then cast(?1 as timestamptz) end)
                where t.id = ?2""").setParameter(1, Instant.now()).setParameter(2, tenantId).executeUpdate();
        callbackKeys.changed(tenantId, null); // the cached claim still says "not verified"
    }

    /** When the message with this MsgId reached the tenant's inbox (the unique dedupe key), if it did. */
    public Optional<Instant> arrivedWithMsgId(long tenantId, long msgId) {
        return QuarkusTransaction.requiringNew().call(() -> first(em.createNativeQuery(
                "select received_at from wechat_event where tenant_id = ?1 and dedupe_key = ?2")
                .setParameter(1, tenantId).setParameter(2, "msg|" + msgId)));
    }

    private static Optional<Instant> first(jakarta.persistence.Query query) {
        return query.getResultList().stream().findFirst().map(Inbox::instant);
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant
                : value instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                        : ((java.sql.Timestamp) value).toInstant();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The longest prefix of the text that takes at most {@code maxBytes} in UTF-8, cut between characters. */
    static String utf8Prefix(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    static long utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
