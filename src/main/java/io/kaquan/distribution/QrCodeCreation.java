package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionCalls.inTx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.card.CardLive;
import io.kaquan.card.CardLookup;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatDistribution;

/**
 * Making a QR code for a card and a channel (card/qrcode/create). The channel's number goes out as outer_str, so that
 * each receipt WeChat pushes says where it came from. A second call makes a second code (harmless), so a lost answer is
 * simply tried again by the merchant; nothing is recorded before WeChat answers.
 */
@ApplicationScoped
public class QrCodeCreation {

    /** Channel names, in characters. */
    static final int CHANNEL_MAX = 20;

    /** What the form asks for. */
    public record Request(String cardId, String channelName, boolean permanent, Integer minutes, List<String> alsoCards,
            boolean uniqueCode) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    DistributionCalls calls;

    @Inject
    CardLookup cards;

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    /** @return the flash text */
    public String create(Request request) {
        currentTenant.require(Role.OPERATOR);
        DistributionMsg msg = calls.msg();
        CardLive card = cards.live(request.cardId()); // 404 for a card the tenant does not have
        if (card.status() == CardStatus.DELETE || card.status() == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errCardDeleted());
        }
        String name = request.channelName() == null ? "" : request.channelName().strip();
        if (name.isEmpty()) {
            throw new ActionRefused(msg.errChannelRequired());
        }
        if (name.codePointCount(0, name.length()) > CHANNEL_MAX) {
            throw new ActionRefused(msg.errChannelTooLong(CHANNEL_MAX));
        }
        Integer seconds = null;
        if (!request.permanent()) {
            Integer minutes = request.minutes();
            if (minutes == null || minutes < WeChatDistribution.QR_MIN_EXPIRE_SECONDS / 60
                    || minutes > WeChatDistribution.QR_MAX_EXPIRE_SECONDS / 60) {
                throw new ActionRefused(msg.errMinutes());
            }
            seconds = minutes * 60;
        }
        Set<String> cardIds = new LinkedHashSet<>();
        cardIds.add(card.cardId());
        request.alsoCards().stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(cardIds::add);
        if (cardIds.size() > WeChatDistribution.QR_MAX_CARDS) {
            throw new ActionRefused(msg.errTooManyCards(WeChatDistribution.QR_MAX_CARDS));
        }
        List<String> known = cards.live(new ArrayList<>(cardIds)).stream().map(CardLive::cardId).toList();
        for (String id : cardIds) {
            if (!known.contains(id)) {
                throw new ActionRefused(msg.errUnknownCard(id));
            }
        }

        Channel channel = inTx(() -> channel(name));
        String outerStr = Integer.toString(channel.outerStr);
        List<WeChatDistribution.QrCard> qrCards = cardIds.stream()
                .map(id -> new WeChatDistribution.QrCard(id, null, null,
                        cardIds.size() == 1 && request.uniqueCode() ? Boolean.TRUE : null, null, outerStr))
                .toList();
        Integer expireSeconds = seconds;
        WeChatDistribution.QrCode made = calls.wechat(() -> calls.client().qrcodeCreate(qrCards, expireSeconds));
        return inTx(() -> {
            Instant now = Instant.now();
            CardQrCode code = new CardQrCode();
            code.tenantId = currentTenant.id();
            code.channel = em.getReference(Channel.class, channel.id);
            code.actionName = cardIds.size() == 1 ? "QR_CARD" : "QR_MULTIPLE_CARD";
            code.ticket = made.ticket();
            code.url = made.url();
            code.showQrcodeUrl = made.showQrcodeUrl();
            code.expireSeconds = expireSeconds;
            code.expiresAt = expireSeconds == null ? null : now.plusSeconds(expireSeconds);
            code.uniqueCode = cardIds.size() == 1 && request.uniqueCode();
            code.createdBy = currentUser.user().label();
            code.createdAt = now;
            code.cardIds = new ArrayList<>(cardIds);
            code.persist();
            audit.record(currentTenant.id(), AuditAction.QR_CODE_CREATED, card.cardId(), "channel=" + name
                    + " outer_str=" + outerStr + " cards=" + String.join(",", cardIds)
                    + (expireSeconds == null ? " permanent" : " expire_seconds=" + expireSeconds));
            return msg.created(name);
        });
    }

    /** The tenant's channel of that name, made with the next number if new (one maker at a time per tenant). */
    private Channel channel(String name) {
        long tenantId = currentTenant.id();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('distribution_channel'), cast(?1 as integer))")
                .setParameter(1, (int) tenantId).getSingleResult();
        return Channel.named(tenantId, name).orElseGet(() -> {
            Channel channel = new Channel();
            channel.tenantId = tenantId;
            channel.name = name;
            channel.outerStr = Channel.nextOuterStr(tenantId);
            channel.createdAt = Instant.now();
            channel.persist();
            return channel;
        });
    }
}
