package io.kaquan.callback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.BoundedInput;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatTime;

/** The current tenant's events: filtered pages, one event, and replaying a failed one. */
@ApplicationScoped
@Transactional
public class EventLog {

    static final int PAGE_SIZE = 50;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    /** The filters of the log page; blanks mean "any". Dates are days in Asia/Shanghai, both ends included. */
    public record Filter(String type, String card, String code, String status, String from, String to, Long before) {

        String clean(String value) {
            return value == null ? "" : value.strip();
        }

        public String typeValue() {
            return clean(type);
        }

        public String cardValue() {
            return clean(card);
        }

        public String codeValue() {
            return clean(code);
        }

        public String statusValue() {
            return clean(status);
        }

        public String fromValue() {
            return clean(from);
        }

        public String toValue() {
            return clean(to);
        }
    }

    /**
     * What is wrong with the filter, by field (status, from, to), in the reader's language; empty if nothing. A bad
     * filter is answered 400 with these next to the fields, not silently dropped (the list would look filtered).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> errors(Filter filter) {
        Map<String, String> errors = new LinkedHashMap<>();
        CallbackMsg msg = i18n.bundle(CallbackMsg.class);
        if (!filter.statusValue().isEmpty() && status(filter.statusValue()) == null) {
            errors.put("status", msg.filterStatusInvalid());
        }
        Instant from = day(filter.fromValue(), 0);
        if (!filter.fromValue().isEmpty() && from == null) {
            errors.put("from", msg.filterDateInvalid());
        }
        Instant to = day(filter.toValue(), 1);
        if (!filter.toValue().isEmpty() && to == null) {
            errors.put("to", msg.filterDateInvalid());
        } else if (from != null && to != null && !to.isAfter(from)) {
            errors.put("to", msg.filterRangeInvalid());
        }
        return errors;
    }

    /** A page of events and the id to continue before, if there are more. */
    public record Page(List<WeChatEvent> events, Long nextBefore) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(Filter filter) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", currentTenant.id());
        if (!filter.typeValue().isEmpty()) {
            query.append(" and eventType = :type");
            params.put("type", filter.typeValue());
        }
        if (!filter.cardValue().isEmpty()) {
            query.append(" and cardId = :card");
            params.put("card", filter.cardValue());
        }
        if (!filter.codeValue().isEmpty()) {
            query.append(" and userCardCode = :code");
            params.put("code", filter.codeValue());
        }
        WeChatEvent.Status status = status(filter.statusValue());
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        Instant from = day(filter.fromValue(), 0);
        if (from != null) {
            query.append(" and receivedAt >= :from");
            params.put("from", from);
        }
        Instant to = day(filter.toValue(), 1);
        if (to != null) {
            query.append(" and receivedAt < :to");
            params.put("to", to);
        }
        if (filter.before() != null) {
            query.append(" and id < :before");
            params.put("before", filter.before());
        }
        query.append(" order by id desc");
        List<WeChatEvent> events = new ArrayList<>(
                WeChatEvent.<WeChatEvent> find(query.toString(), params).page(0, PAGE_SIZE + 1).list());
        Long nextBefore = null;
        if (events.size() > PAGE_SIZE) {
            events = events.subList(0, PAGE_SIZE);
            nextBefore = events.get(PAGE_SIZE - 1).id;
        }
        return new Page(events, nextBefore);
    }

    /** How often users opened a card and entered the chat from it, all days together (from the pushes). */
    public record ViewCounts(String cardId, long views, long sessions) {
    }

    /** The view counts of the card the log is filtered by; null when it is not filtered by card. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ViewCounts viewCounts(Filter filter) {
        String card = filter.cardValue();
        if (card.isEmpty()) {
            return null;
        }
        long views = 0;
        long sessions = 0;
        for (Object row : WeChatEvent.getEntityManager().createNativeQuery("select event_type, sum(count) "
                + "from card_event_count where tenant_id = ?1 and card_id = ?2 and event_type in "
                + "('user_view_card', 'user_enter_session_from_card') group by event_type")
                .setParameter(1, currentTenant.id()).setParameter(2, card).getResultList()) {
            Object[] cells = (Object[]) row;
            long n = ((Number) cells[1]).longValue();
            if ("user_view_card".equals(cells[0])) {
                views = n;
            } else {
                sessions = n;
            }
        }
        return new ViewCounts(card, views, sessions);
    }

    /** The event types this tenant has received, for the filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> eventTypes() {
        return WeChatEvent.getEntityManager()
                .createQuery("select distinct e.eventType from WeChatEvent e where e.tenantId = ?1 order by 1", String.class)
                .setParameter(1, currentTenant.id()).getResultList();
    }

    /** One event of the current tenant; another tenant's id is 404, like an unknown one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeChatEvent event(Long id) {
        WeChatEvent event = id == null ? null
                : WeChatEvent.<WeChatEvent> find("tenantId = ?1 and id = ?2", currentTenant.id(), id).firstResult();
        if (event == null) {
            throw new NotFoundException();
        }
        return event;
    }

    /**
     * Queues a FAILED or DEAD event again with a fresh set of attempts. OPERATOR or above. One conditional update, not
     * read-then-write: a processor may commit the event between our read and our write, and resetting a PROCESSED
     * event to RECEIVED would apply its effect twice.
     */
    public void replay(Long id) {
        currentTenant.require(Role.OPERATOR);
        WeChatEvent event = event(id);
        String details = "status=" + event.status + ", attempts=" + event.attempts;
        int queued = WeChatEvent.getEntityManager().createNativeQuery("update wechat_event set status = 'RECEIVED', "
                + "attempts = 0, next_attempt_at = now() where id = ?1 and tenant_id = ?2 and status in ('FAILED', 'DEAD')")
                .setParameter(1, event.id).setParameter(2, currentTenant.id()).executeUpdate();
        if (queued == 0) {
            WeChatEvent.getEntityManager().refresh(event);
            CallbackMsg msg = i18n.bundle(CallbackMsg.class);
            throw new ActionRefused(event.status == WeChatEvent.Status.PROCESSED
                    || event.status == WeChatEvent.Status.IGNORED ? msg.replayOvertaken(event.id) : msg.replayRefused());
        }
        audit.record(currentTenant.id(), AuditAction.EVENT_REPLAYED, event.eventType + " #" + event.id, details);
    }

    static WeChatEvent.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WeChatEvent.Status.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The start of the given Shanghai day, plus {@code plusDays}; null if blank or not a date. */
    static Instant day(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day = BoundedInput.date(value);
        return day == null ? null : day.plusDays(plusDays).atStartOfDay(WeChatTime.ZONE).toInstant();
    }
}
