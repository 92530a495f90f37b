package io.kaquan.callback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes pushes down: tenant events into the inbox (once per dedupe key), the others apart for the platform admin. */
@ApplicationScoped
public class Inbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_STORED_BODY = 16_384;

    @Inject
    EntityManager em;

    @Inject
    CallbackConfig config;

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

    /** Stores the event unless an event with its dedupe key is already there; answers whether it was new. */
    @Transactional
    public boolean store(Incoming incoming) {
        String fieldsJson;
        try {
            fieldsJson = JSON.writeValueAsString(incoming.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
        int inserted = em.createNativeQuery("insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, "
                + "create_time, card_id, user_card_code, fields, raw_xml, arrived_as, previous_key, status, "
                + "next_attempt_at, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?10, ?11, "
                + "'RECEIVED', ?12, ?12) on conflict (tenant_id, dedupe_key) do nothing")
                .setParameter(1, incoming.tenantId())
                .setParameter(2, incoming.dedupeKey())
                .setParameter(3, incoming.eventType())
                .setParameter(4, incoming.field("FromUserName"))
                .setParameter(5, incoming.createTime())
                .setParameter(6, emptyToNull(incoming.field("CardId")))
                .setParameter(7, emptyToNull(incoming.field("UserCardCode")))
                .setParameter(8, fieldsJson)
                .setParameter(9, incoming.rawXml())
                .setParameter(10, incoming.arrivedAs())
                .setParameter(11, incoming.previousKey())
                .setParameter(12, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    /** Keeps a push apart, unless too many arrived in the last hour (they are not authenticated). */
    @Transactional
    public void park(UnroutableEvent.Reason reason, String toUserName, Long tenantId, String query, String body,
            String detail, String remoteAddr) {
        Instant now = Instant.now();
        if (tenantId == null
                && UnroutableEvent.count("receivedAt > ?1", now.minus(1, ChronoUnit.HOURS)) >= config.unroutablePerHour()) {
            Log.warnf("Unroutable push for %s not stored: more than %d in the last hour", toUserName,
                    config.unroutablePerHour());
            return;
        }
        UnroutableEvent event = new UnroutableEvent();
        event.reason = reason;
        event.toUserName = clip(toUserName == null ? "" : toUserName, 200);
        event.tenantId = tenantId;
        event.query = clip(query == null ? "" : query, 2000);
        event.body = clip(body == null ? "" : body, MAX_STORED_BODY);
        event.detail = detail;
        event.remoteAddr = remoteAddr;
        event.receivedAt = now;
        event.persist();
    }

    /** WeChat checked the URL (GET) or a correctly signed push arrived: the merchant's configuration works. */
    @Transactional
    public void markVerified(Long tenantId) {
        em.createQuery("update Tenant set callbackVerifiedAt = ?1 where id = ?2").setParameter(1, Instant.now())
                .setParameter(2, tenantId).executeUpdate();
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

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
