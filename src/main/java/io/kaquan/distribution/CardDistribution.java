package io.kaquan.distribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kaquan.card.CardChoice;
import io.kaquan.card.CardLive;
import io.kaquan.card.CardLookup;
import io.kaquan.code.ChannelReceipts;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatException;

/**
 * The card page's 投放 section, read: the test whitelist, the card's QR codes with their receipts so far, imported
 * codes (receipts per channel over a range of days are ReceiptsByChannel's).
 */
@ApplicationScoped
public class CardDistribution {

    /** One QR code of the card with its channel and the receipts that came through that channel. */
    public record QrRow(long id, String channel, String outerStr, Instant expiresAt, boolean expired, boolean unique,
            int cards, long receipts, String url) {
    }

    /** A custom-code card's imports: WeChat's count (null with the reason when it cannot be read) and the batches. */
    public record Imports(Long depositCount, String countProblem, Integer stock, boolean stockAboveCodes,
            List<DepositBatch> batches, boolean open) {
    }

    public record View(String cardId, boolean underReview, boolean deleted, List<String> openids, List<String> usernames,
            List<QrRow> codes, List<String> channelNames, int whitelistMax, List<Integer> sizes,
            Imports imports, List<CardChoice> otherCards) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CardLookup cards;

    @Inject
    ChannelReceipts channelReceipts;

    @Inject
    DistributionConfig config;

    @Inject
    DistributionCalls calls;

    /** How long WeChat's deposit count of a card is shown without asking again (every view of the card page asks). */
    private static final Duration COUNT_KEPT = Duration.ofMinutes(1);

    private record KnownCount(long count, Instant readAt) {
    }

    /** Deposit counts read lately, by tenant and card; an import forgets its card's. */
    private final Map<String, KnownCount> counts = new ConcurrentHashMap<>();

    /** After an import or a settled batch: the next view reads WeChat's count again. */
    public void forgetDepositCount(long tenantId, String cardId) {
        counts.remove(tenantId + " " + cardId);
    }

    private long depositCount(String cardId) {
        String key = currentTenant.id() + " " + cardId;
        KnownCount known = counts.get(key);
        if (known != null && known.readAt().plus(COUNT_KEPT).isAfter(Instant.now())) {
            return known.count();
        }
        long count = calls.client().codeDepositCount(cardId);
        if (counts.size() > 10_000) {
            counts.clear(); // bounded; a read costs one WeChat call
        }
        counts.put(key, new KnownCount(count, Instant.now()));
        return count;
    }

    /** Every member reads; 404 for a card the tenant does not have. WeChat's deposit count is read outside a transaction. */
    public View of(String cardId) {
        CardLive card = cards.live(cardId);
        Imports imports = null;
        if (cards.page(cardId).view().usesCustomCode()) {
            Long count = null;
            String problem = null;
            try {
                count = depositCount(card.cardId());
            } catch (WeChatException e) {
                problem = calls.words(e);
            }
            List<DepositBatch> batches = DistributionCalls.inTx(() -> DepositBatch.recentOf(currentTenant.id(),
                    card.cardId(), 10));
            imports = new Imports(count, problem, card.quantity(),
                    count != null && card.quantity() != null && card.quantity() > count, batches,
                    batches.stream().anyMatch(b -> b.state.open()));
        }
        Imports found = imports;
        // The cards a multi-card QR code may add to this one (QR_MULTIPLE_CARD): not those with their own codes.
        List<CardChoice> others = cards.choices().stream()
                .filter(c -> !c.customCode() && !c.cardId().equals(card.cardId())).toList();
        return DistributionCalls.inTx(() -> read(card, found, others));
    }

    private View read(CardLive card, Imports imports, List<CardChoice> others) {
        long tenantId = currentTenant.id();
        List<Channel> channels = Channel.ofTenant(tenantId);
        Map<String, Long> counts = channelReceipts.byOuterStr(List.of(card.cardId()));
        Instant now = Instant.now();
        List<QrRow> codes = CardQrCode.ofCard(tenantId, card.cardId()).stream().map(q -> {
            String outer = Integer.toString(q.channel.outerStr);
            return new QrRow(q.id, q.channel.name, outer, q.expiresAt, q.expired(now), q.uniqueCode, q.cardIds.size(),
                    counts.getOrDefault(outer, 0L), q.url);
        }).toList();
        return new View(card.cardId(), card.status() == CardStatus.NOT_VERIFY,
                card.status() == CardStatus.DELETE || card.status() == CardStatus.SYS_DELETE,
                TestWhitelistEntry.values(tenantId, TestWhitelistEntry.OPENID),
                TestWhitelistEntry.values(tenantId, TestWhitelistEntry.USERNAME), codes,
                channels.stream().map(c -> c.name).toList(), config.whitelistMax(), config.qrSizes(), imports, others);
    }

    DistributionMsg msg() {
        return calls.msg();
    }

    /** The url of one of the tenant's QR codes, for its image; 404 for another tenant's. */
    @Transactional
    public CardQrCode code(long id) {
        return CardQrCode.of(currentTenant.id(), id).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }
}
