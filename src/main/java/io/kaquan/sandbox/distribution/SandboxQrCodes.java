package io.kaquan.sandbox.distribution;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.cards.SandboxCards;
import io.kaquan.sandbox.cards.SimulatedCardStatus;
import io.kaquan.sandbox.users.SimulatedUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * card/qrcode/create (protocol reference §5.4) and what a user scanning the code gets. QR_CARD carries one card,
 * QR_MULTIPLE_CARD up to five; outer_id and outer_str come back in the user_get_card of each receipt.
 *
 * <p>
 * ⚠ Unverified on a real account, chosen as the likeliest: a code can be made for a card still under review (so that
 * whitelisted testers can scan it; others are refused at the scan, 40078), not for a deleted or refused one; stock is
 * checked at the scan (45031), not at creation; an expired code answers 40079 to the scan; a code with is_unique_code
 * hands out one code in all, so a second scan is refused (40079).
 */
@ApplicationScoped
public class SandboxQrCodes {

    public static final String QR_CARD = "QR_CARD";
    public static final String QR_MULTIPLE_CARD = "QR_MULTIPLE_CARD";

    /** WeChat's range for expire_seconds; without it a code lasts 365 days. */
    static final int MIN_EXPIRE = 60;
    static final int MAX_EXPIRE = 1800;
    static final int DEFAULT_EXPIRE = (int) Duration.ofDays(365).toSeconds();
    static final int MAX_CARDS = 5;
    /** ⚠ WeChat documents no limit for outer_str; the scene strings of its QR codes stop at 64 characters. */
    static final int MAX_OUTER_STR = 64;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SimulatedUsers users;

    /** @param base this server's URL as the caller reached it, for url and show_qrcode_url */
    @Transactional
    public ObjectNode create(SandboxAccount account, ObjectNode body, String base) {
        String action = SandboxJson.optionalText(body, "action_name")
                .orElseThrow(() -> new WeChatError(40053, "invalid action info: missing action_name"));
        ObjectNode info = SandboxJson.optionalObject(body, "action_info")
                .orElseThrow(() -> new WeChatError(40053, "invalid action info: missing action_info"));
        ArrayNode cards = JSON.createArrayNode();
        boolean unique = false;
        switch (action) {
            case QR_CARD -> {
                ObjectNode card = SandboxJson.optionalObject(info, "card")
                        .orElseThrow(() -> new WeChatError(40053, "invalid action info: missing card"));
                cards.add(entry(account, card));
                unique = SandboxJson.booleanOr(card, "is_unique_code", false);
            }
            case QR_MULTIPLE_CARD -> {
                ObjectNode multiple = SandboxJson.optionalObject(info, "multiple_card")
                        .orElseThrow(() -> new WeChatError(40053, "invalid action info: missing multiple_card"));
                ArrayNode list = SandboxJson.optionalArray(multiple, "card_list")
                        .orElseThrow(() -> new WeChatError(40053, "invalid action info: missing card_list"));
                if (list.isEmpty() || list.size() > MAX_CARDS) {
                    throw new WeChatError(40053, "invalid action info: card_list holds 1 to " + MAX_CARDS + " cards");
                }
                for (JsonNode card : list) {
                    if (!card.isObject()) {
                        throw WeChatError.dataFormat();
                    }
                    cards.add(entry(account, (ObjectNode) card));
                }
            }
            default -> throw new WeChatError(40053, "invalid action info: action_name " + action);
        }
        var asked = SandboxJson.optionalInt(body, "expire_seconds"); // "expire_seconds": null is no value
        int seconds = asked.orElse(DEFAULT_EXPIRE);
        if (asked.isPresent() && (seconds < MIN_EXPIRE || seconds > MAX_EXPIRE)) {
            throw new WeChatError(40053, "invalid action info: expire_seconds must be " + MIN_EXPIRE + " to " + MAX_EXPIRE);
        }
        Instant now = Instant.now();
        SandboxQrCode code = new SandboxQrCode();
        code.accountId = account.id;
        code.ticket = "gQ" + random(36);
        code.urlToken = random(18);
        code.actionName = action;
        code.cardsJson = write(cards);
        code.uniqueCode = unique;
        code.expireSeconds = seconds;
        code.expireAt = now.plusSeconds(seconds);
        code.createdAt = now;
        code.persist();

        ObjectNode reply = WeChatReply.object();
        reply.put("ticket", code.ticket);
        reply.put("expire_seconds", seconds);
        reply.put("url", base + "/sandbox/q/" + code.urlToken);
        reply.put("show_qrcode_url", showUrl(base, code.ticket));
        return reply;
    }

    /** What WeChat's showqrcode would serve, here: the code's image, served by this sandbox. */
    public static String showUrl(String base, String ticket) {
        return base + "/sandbox/static/showqrcode?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    }

    /** One card of the code, checked against the account's card: code for custom codes, openid for bound cards. */
    private static ObjectNode entry(SandboxAccount account, ObjectNode given) {
        CardTemplate card = SandboxCards.owned(account, given, false);
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE
                || card.status == SimulatedCardStatus.CARD_STATUS_VERIFY_FAIL) {
            throw new WeChatError(40078, "invalid card status");
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("card_id", card.cardId);
        String code = SandboxJson.optionalText(given, "code").orElse("");
        String openid = SandboxJson.optionalText(given, "openid").orElse("");
        if (card.useCustomCode && code.isBlank() && !SandboxCards.depositMode(card)) {
            throw new WeChatError(40053, "invalid action info: code is required for a custom code card");
        }
        if (card.bindOpenid && openid.isBlank()) {
            throw new WeChatError(40053, "invalid action info: openid is required for a card bound to users");
        }
        String outerStr = SandboxJson.optionalText(given, "outer_str").orElse("");
        if (outerStr.length() > MAX_OUTER_STR) {
            throw new WeChatError(40053, "invalid action info: outer_str longer than " + MAX_OUTER_STR);
        }
        entry.put("code", code);
        entry.put("openid", openid);
        entry.put("outer_id", SandboxJson.optionalLong(given, "outer_id").orElse(0));
        entry.put("outer_str", outerStr);
        return entry;
    }

    /**
     * A user scans the code and receives its card (for a multi-card code: the chosen one, or each of them), with the
     * code's outer_id and outer_str in the user_get_card push.
     *
     * @param cardId null for every card of the code
     * @param openid null for a new user (a bound card's code names its own)
     */
    @Transactional(dontRollbackOn = WeChatError.class)
    public List<SimulatedUsers.Received> scan(String ticket, String cardId, String openid) {
        SandboxQrCode code = SandboxQrCode.byTicketForUpdate(ticket).orElseThrow(NotFoundException::new);
        if (code.expired(Instant.now())) {
            throw new WeChatError(40079, "the QR code has expired");
        }
        if (code.uniqueCode && code.scans > 0) {
            throw new WeChatError(40079, "the QR code hands out one code and it was received");
        }
        List<SimulatedUsers.Received> received = new ArrayList<>();
        for (JsonNode entry : read(code.cardsJson)) {
            if (cardId != null && !cardId.equals(entry.path("card_id").asText())) {
                continue;
            }
            ObjectNode request = JSON.createObjectNode();
            String bound = entry.path("openid").asText("");
            String user = !bound.isEmpty() ? bound : openid;
            if (user != null && !user.isBlank()) {
                request.put("openid", user.strip());
            }
            if (!entry.path("code").asText("").isEmpty()) {
                request.put("code", entry.path("code").asText());
            }
            request.put("outerStr", entry.path("outer_str").asText(""));
            request.put("outerId", entry.path("outer_id").asLong(0));
            try {
                received.add(users.receive(entry.path("card_id").asText(), request));
            } catch (WeChatError refused) {
                if (!received.isEmpty()) {
                    // A multi-card code hands out all its cards or none: the cards received before are undone.
                    QuarkusTransaction.setRollbackOnly();
                }
                throw refused;
            }
        }
        if (received.isEmpty()) {
            throw new NotFoundException();
        }
        code.scans++;
        return received;
    }

    public static ArrayNode read(String json) {
        try {
            return (ArrayNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
