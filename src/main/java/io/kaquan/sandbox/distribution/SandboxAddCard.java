package io.kaquan.sandbox.distribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.users.SimulatedUsers;

/**
 * JS-SDK addCard (protocol reference §5.14): the wx_card api_ticket (cgi-bin/ticket/getticket, 7200 s), and a web page
 * handing a card to a user with a cardExt that WeChat checks: signature = SHA-1 of the sorted concatenation of
 * api_ticket, timestamp, card_id, code, openid and nonce_str (empty values included as empty strings).
 */
@ApplicationScoped
public class SandboxAddCard {

    /** How long a ticket works, as WeChat's expires_in. */
    public static final int TICKET_SECONDS = 7200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SimulatedUsers users;

    /** A new wx_card ticket. ⚠ Any other type is refused with 40097 (WeChat also serves jsapi, not simulated here). */
    @Transactional
    public ObjectNode ticket(SandboxAccount account, String type) {
        if (!"wx_card".equals(type)) {
            throw new WeChatError(40097, "invalid args: type must be wx_card");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        SandboxApiTicket ticket = new SandboxApiTicket();
        ticket.accountId = account.id;
        ticket.type = type;
        ticket.ticket = "sbxcard" + HexFormat.of().formatHex(bytes);
        ticket.issuedAt = Instant.now();
        ticket.expiresAt = ticket.issuedAt.plusSeconds(TICKET_SECONDS);
        ticket.persist();
        ObjectNode reply = io.kaquan.sandbox.WeChatReply.object();
        reply.put("ticket", ticket.ticket);
        reply.put("expires_in", TICKET_SECONDS);
        return reply;
    }

    /**
     * A user opens the merchant's page, which calls wx.addCard with the card and its cardExt: the signature must be one
     * of the account's valid tickets' (⚠ WeChat's exact errcode is not documented; 40001-style "invalid signature" is
     * answered here as 40097), and the card is received with the cardExt's outer_str in the user_get_card push.
     */
    public SimulatedUsers.Received addCard(String cardId, String cardExt, String openid) {
        CardTemplate card = CardTemplate.byCardId(cardId == null ? "" : cardId.strip())
                .orElseThrow(() -> new WeChatError(40073, "invalid card id"));
        JsonNode ext = parse(cardExt);
        String code = ext.path("code").asText("");
        String boundOpenid = ext.path("openid").asText("");
        String timestamp = ext.path("timestamp").asText("");
        String nonce = ext.path("nonce_str").asText("");
        String signature = ext.path("signature").asText("");
        if (timestamp.isEmpty() || nonce.isEmpty() || signature.isEmpty()) {
            throw new WeChatError(40097, "invalid args: cardExt needs timestamp, nonce_str and signature");
        }
        if (!timestamp.matches("[0-9]{1,12}") || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)),
                Instant.now()).abs().getSeconds() > TICKET_SECONDS) {
            throw new WeChatError(40097, "invalid args: timestamp too far from now");
        }
        boolean signed = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> SandboxApiTicket
                .validOf(card.accountId, Instant.now()).stream()
                .anyMatch(t -> sign(t.ticket, timestamp, card.cardId, code, boundOpenid, nonce).equals(signature)));
        if (!signed) {
            throw new WeChatError(40097, "invalid signature");
        }
        ObjectNode request = JSON.createObjectNode();
        String user = !boundOpenid.isEmpty() ? boundOpenid : openid;
        if (user != null && !user.isBlank()) {
            request.put("openid", user.strip());
        }
        if (!code.isEmpty()) {
            request.put("code", code);
        }
        request.put("outerStr", ext.path("outer_str").asText(""));
        return users.receive(card.cardId, request);
    }

    /** WeChat's card signature: the values sorted as strings, joined, SHA-1 in lowercase hex. */
    static String sign(String... values) {
        String[] sorted = values.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String cardExt) {
        try {
            JsonNode ext = JSON.readTree(cardExt == null || cardExt.isBlank() ? "{}" : cardExt);
            if (!ext.isObject()) {
                throw new WeChatError(40097, "invalid args: cardExt must be a JSON object");
            }
            return ext;
        } catch (JsonProcessingException e) {
            throw new WeChatError(40097, "invalid args: cardExt is not JSON");
        }
    }
}
