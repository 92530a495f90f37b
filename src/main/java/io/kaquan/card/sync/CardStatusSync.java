package io.kaquan.card.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.Card;
import io.kaquan.card.CardMirror;
import io.kaquan.jobs.JobContext;
import io.kaquan.jobs.JobOutcome;
import io.kaquan.jobs.TenantJob;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps a tenant's card mirror true to WeChat at the lowest cost in calls: card/batchget once per listed status
 * (⌈n/50⌉ pages each, one for an empty status; deleted cards are not listed) tells every card's status; card/get then only for
 * cards that are new to the mirror (made in the MP console:
 * DISCOVERED), whose status changed, that vanished from every list, or whose copy is older than
 * {@code kaquan.jobs.card-status.refresh-after} (the only reason to re-read a card in a status batchget cannot list). A card
 * WeChat no longer knows (40073) is marked deleted.
 */
@ApplicationScoped
public class CardStatusSync implements TenantJob {

    public static final String JOB = "card-status";

    /** batchget's largest page. */
    static final int PAGE = 50;

    /** card/get's answer for an unknown card id. */
    static final int INVALID_CARD_ID = 40073;

    /** What one run found, for the run record. */
    record Tally(int cards, int discovered, int changed, int deleted, int details, int detailFailures) {
        /** key=value pairs: stored as is, shown in the reader's language ({@link #summary}). */
        String text() {
            return "cards=" + cards + " discovered=" + discovered + " changed=" + changed + " deleted=" + deleted
                    + " details=" + details + " detailFailures=" + detailFailures;
        }
    }

    /** A mirror row as the comparison needs it. */
    private record Known(CardStatus status, Instant refreshedAt) {
    }

    @Inject
    WeChatGateway gateway;

    @Inject
    CardMirror mirror;

    @Inject
    CardStatusConfig config;

    @Inject
    I18n i18n;

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public String label() {
        return msg().label();
    }

    @Override
    public boolean primary() {
        return true;
    }

    @Override
    public Optional<String> runNowLabel() {
        return Optional.of(msg().runNow());
    }

    @Override
    public Optional<String> runNowHelp() {
        return Optional.of(msg().runNowHelp());
    }

    @Override
    public Optional<String> done(String summary, int calls) {
        return Optional.of(msg().done(summary, calls));
    }

    /** A run's message in the reader's language when it is a tally ({@link Tally#text()}), else as stored. */
    @Override
    public String summary(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = TALLY.matcher(message);
        if (!m.matches()) {
            return message;
        }
        CardSyncMsg msg = msg();
        String text = msg.summary(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        int failures = Integer.parseInt(m.group(6));
        return failures == 0 ? text : text + msg.summaryFailures(failures);
    }

    private static final Pattern TALLY = Pattern.compile(
            "cards=(\\d+) discovered=(\\d+) changed=(\\d+) deleted=(\\d+) details=(\\d+) detailFailures=(\\d+)");

    private CardSyncMsg msg() {
        return i18n.bundle(CardSyncMsg.class);
    }

    @Override
    public JobOutcome run(JobContext context) {
        long tenantId = context.tenantId();
        WeChatClient wechat = gateway.forTenant(tenantId);
        Map<String, CardStatus> listed = list(wechat, context);
        Map<String, Known> known = QuarkusTransaction.requiringNew().call(() -> known(tenantId));

        // Who needs card/get: new and changed first, then vanished, then the stale, within the per-run budget.
        Instant staleBefore = Instant.now().minus(config.refreshAfter());
        Set<String> discovered = new LinkedHashSet<>();
        Set<String> changed = new LinkedHashSet<>();
        Set<String> stale = new LinkedHashSet<>();
        listed.forEach((cardId, status) -> {
            Known mine = known.get(cardId);
            if (mine == null) {
                discovered.add(cardId);
            } else if (mine.status != status) {
                changed.add(cardId);
            } else if (mine.refreshedAt == null || mine.refreshedAt.isBefore(staleBefore)) {
                stale.add(cardId);
            }
        });
        // Unlisted: a card in a listed status that left every list changed status (read it now); a card whose
        // status batchget cannot list (EXPIRED, SYS_OFF_SHELF, …) is never listed, so it is read on the stale
        // schedule only, or it would cost a card/get on every run.
        Set<CardStatus> listable = Set.copyOf(config.statuses());
        Set<String> vanished = new LinkedHashSet<>();
        known.forEach((cardId, mine) -> {
            if (listed.containsKey(cardId) || gone(mine.status)) {
                return;
            }
            if (mine.status != null && listable.contains(mine.status)) {
                vanished.add(cardId);
            } else if (mine.refreshedAt == null || mine.refreshedAt.isBefore(staleBefore)) {
                stale.add(cardId);
            }
        });
        List<String> toRead = new ArrayList<>();
        toRead.addAll(discovered);
        toRead.addAll(changed);
        toRead.addAll(vanished);
        toRead.addAll(stale);

        int details = 0;
        int failures = 0;
        int deleted = 0;
        WeChatException quota = null;
        for (String cardId : toRead) {
            CardStatus fromList = listed.get(cardId);
            if (details >= config.maxDetails() || quota != null) {
                // Out of budget: the status from the listing is right anyway; the details wait for the next run.
                if (fromList != null && (discovered.contains(cardId) || changed.contains(cardId))) {
                    storeStatus(tenantId, cardId, fromList);
                }
                continue;
            }
            try {
                details++;
                WeChatCards.Detail detail = counted(context, () -> wechat.cardGet(cardId));
                QuarkusTransaction.requiringNew().run(() -> mirror.refreshed(tenantId, detail, Card.Origin.DISCOVERED));
                if (gone(detail.status()) && !gone(known.containsKey(cardId) ? known.get(cardId).status : null)) {
                    deleted++;
                }
            } catch (WeChatException e) {
                if (e.errcode() == INVALID_CARD_ID && e.kind() == WeChatException.Kind.REFUSED) {
                    storeStatus(tenantId, cardId, CardStatus.DELETE);
                    deleted++;
                    continue;
                }
                if (e.errcode() == 45009 || e.credentialProblem()) {
                    quota = e; // no more card/get today (or at all); statuses still stored below
                }
                failures++;
                if (fromList != null) {
                    storeStatus(tenantId, cardId, fromList);
                }
            }
        }
        Tally tally = new Tally(listed.size(), discovered.size(), changed.size(), deleted, details, failures);
        if (quota != null) {
            throw quota; // recorded as QUOTA (paused until tomorrow) or SKIPPED, with the calls counted so far
        }
        return failures == 0 ? JobOutcome.ok(context.calls(), tally.text())
                : JobOutcome.partial(context.calls(), tally.text());
    }

    /** Every card id WeChat lists per status; a card moving between lists during the run keeps its first status. */
    Map<String, CardStatus> list(WeChatClient wechat, JobContext context) {
        Map<String, CardStatus> listed = new LinkedHashMap<>();
        for (CardStatus status : config.statuses()) {
            int offset = 0;
            while (true) {
                int from = offset;
                WeChatCards.IdPage page = counted(context, () -> wechat.cardBatchget(from, PAGE, List.of(status)));
                page.cardIdList().forEach(id -> listed.putIfAbsent(id, status));
                offset += page.cardIdList().size();
                if (page.cardIdList().size() < PAGE || offset >= page.totalNum()) {
                    break;
                }
            }
        }
        return listed;
    }

    /** Counts a call that went out (answered or not); one the gateway stopped before sending is not counted. */
    static <T> T counted(JobContext context, Supplier<T> call) {
        try {
            T result = call.get();
            context.addCalls(1);
            return result;
        } catch (WeChatException e) {
            if (e.kind() != WeChatException.Kind.STOPPED) {
                context.addCalls(1);
            }
            throw e;
        }
    }

    private static Map<String, Known> known(long tenantId) {
        Map<String, Known> known = new LinkedHashMap<>();
        Card.<Card> list("tenantId", tenantId).forEach(c -> known.put(c.cardId, new Known(c.status, c.refreshedAt)));
        return known;
    }

    /** The status alone, from a listing (or "deleted" when WeChat no longer knows the card). */
    private void storeStatus(long tenantId, String cardId, CardStatus status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Card card = mirror.ensure(tenantId, cardId, "UNKNOWN", status, Card.Origin.DISCOVERED);
            card.changeStatus(status, Instant.now());
        });
    }

    static boolean gone(CardStatus status) {
        return status == CardStatus.DELETE || status == CardStatus.SYS_DELETE;
    }
}
