package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionCalls.inTx;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.account.Role;
import io.kaquan.card.CardLive;
import io.kaquan.card.CardLookup;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.wechat.CardSignature;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardTickets;

/**
 * 网页领取（JS-SDK）: the cardExt a web developer passes to wx.addCard with the card_id — timestamp, nonce_str and the
 * card signature over the tenant's wx_card api_ticket ({@link CardTickets}), with an optional code, openid and a
 * channel's outer_str, so that receipts from the page are counted under that channel. The ticket itself is never
 * shown. Operators only: a signature lets anyone hand the card out.
 */
@ApplicationScoped
public class CardExtGeneration {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VALUE = "[A-Za-z0-9_\\-]{1,64}";

    public record Request(String cardId, String channel, String code, String openid) {
    }

    /** What the page shows: the cardExt as JSON and its parts. */
    public record CardExt(String cardId, String channel, String outerStr, String code, String openid, String timestamp,
            String nonceStr, String signature, String json) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CardLookup cards;

    @Inject
    CardTickets tickets;

    @Inject
    DistributionCalls calls;

    @Inject
    ObjectMapper mapper;

    public CardExt generate(Request request) {
        currentTenant.require(Role.OPERATOR);
        DistributionMsg msg = calls.msg();
        CardLive card = cards.live(request.cardId()); // 404 for a card the tenant does not have
        if (card.status() == CardStatus.DELETE || card.status() == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errCardDeleted());
        }
        String name = strip(request.channel());
        String outerStr = null;
        if (!name.isEmpty()) {
            Channel channel = inTx(() -> Channel.named(currentTenant.id(), name).orElse(null));
            if (channel == null) {
                throw new ActionRefused(msg.errCardExtChannel(name));
            }
            outerStr = Integer.toString(channel.outerStr);
        }
        String code = strip(request.code());
        String openid = strip(request.openid());
        if (!code.isEmpty() && !code.matches(VALUE)) {
            throw new ActionRefused(msg.errCardExtValue("code"));
        }
        if (!openid.isEmpty() && !openid.matches(VALUE)) {
            throw new ActionRefused(msg.errCardExtValue("openid"));
        }
        String ticket = calls.wechat(() -> tickets.ticket(currentTenant.id()));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String nonceStr = HexFormat.of().formatHex(nonce);
        String signature = CardSignature.of(ticket, timestamp, card.cardId(), code, openid, nonceStr);
        // WeChat's cardExt fields; code and openid only when the card needs them.
        Map<String, String> ext = new LinkedHashMap<>();
        if (!code.isEmpty()) {
            ext.put("code", code);
        }
        if (!openid.isEmpty()) {
            ext.put("openid", openid);
        }
        ext.put("timestamp", timestamp);
        ext.put("nonce_str", nonceStr);
        if (outerStr != null) {
            ext.put("outer_str", outerStr);
        }
        ext.put("signature", signature);
        try {
            return new CardExt(card.cardId(), name.isEmpty() ? null : name, outerStr, code, openid, timestamp, nonceStr,
                    signature, mapper.writeValueAsString(ext));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
