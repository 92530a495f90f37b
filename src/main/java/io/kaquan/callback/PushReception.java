package io.kaquan.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kaquan.tenant.CallbackKeys;
import io.kaquan.tenant.CallbackKeys.Claim;
import io.kaquan.tenant.MessageMode;
import io.kaquan.tenant.SecretBox;
import io.kaquan.tenant.Tenant;
import io.kaquan.web.MeantText;
import io.kaquan.wechat.CallbackCrypto;
import io.kaquan.wechat.CallbackXml;
import io.quarkus.logging.Log;

/**
 * What the shared callback does with a request (protocol reference §2): find the tenant, check the signature in
 * constant time, open the envelope, then store the event in the {@link Inbox}. Every refusal is one log line with
 * the reason and never an exception: the endpoint turns it into a 4xx.
 */
@ApplicationScoped
public class PushReception {

    @Inject
    SecretBox secretBox;

    @Inject
    CallbackKeys callbackKeys;

    @Inject
    CallbackConfig config;

    @Inject
    Inbox inbox;

    /** How a request ended. {@code status} 200 means "answer {@code body}". */
    public record Answer(int status, String body, boolean stored) {
        static Answer ok(String body) {
            return new Answer(200, body, false);
        }

        static Answer success(boolean stored) {
            return new Answer(200, "success", stored);
        }

        static Answer refused(int status, String reason) {
            return new Answer(status, reason, false);
        }
    }

    /** Not an answer: the claims held in memory refused the push, the database's must decide. */
    private static final Answer STALE = new Answer(0, "", false);

    /** The query of a POST (or GET) as WeChat sends it. */
    public record Query(String signature, String msgSignature, String timestamp, String nonce, String encryptType,
            String tenantHint, String raw) {

        boolean encrypted() {
            return "aes".equalsIgnoreCase(encryptType);
        }
    }

    // GET: URL verification

    /**
     * Answers the echostr if the signature matches the callback token of the hinted tenant ({@code ?t=gh_…}, which
     * the settings page puts into the URL and WeChat keeps), or without a hint, of one of a bounded list of tenants:
     * those not yet verified, newest first, then the most recently verified.
     */
    @Transactional
    public Answer verify(Query query, String echostr) {
        if (blank(query.signature()) || blank(query.timestamp()) || blank(query.nonce()) || echostr == null) {
            return Answer.refused(400, "signature, timestamp, nonce and echostr are required");
        }
        List<Tenant> candidates = blank(query.tenantHint())
                ? Tenant.find("order by case when callbackVerifiedAt is null then 0 else 1 end, callbackVerifiedAt desc, "
                        + "createdAt desc")
                        .page(0, config.verifyScanLimit()).list()
                : provenTenants(Tenant.claiming(query.tenantHint().trim(), config.verifyScanLimit()));
        for (Tenant tenant : candidates) {
            String expected = CallbackCrypto.signature(tenant.callbackToken(secretBox), query.timestamp(), query.nonce());
            if (CallbackCrypto.sameSignature(expected, query.signature())) {
                inbox.markVerified(tenant.id);
                Log.infof("Callback verified by WeChat for tenant %d (%s)", tenant.id, tenant.originalId);
                return Answer.ok(echostr);
            }
        }
        Log.warnf("Callback verification refused: no %s tenant's token gives signature %s (hint %s)",
                blank(query.tenantHint()) ? "recent" : "hinted", clip(query.signature()), clip(query.tenantHint()));
        return Answer.refused(403, "signature does not match");
    }

    // POST: a push

    /**
     * Not one transaction: the tenants come from memory ({@link CallbackKeys}; read in a short transaction when not
     * there), and the push is stored by the {@link Inbox} (a group commit), so that a request waiting for its group's
     * commit holds no database connection.
     */
    public Answer receive(Query query, byte[] body, String remoteAddr) {
        if (!MeantText.isMeantUtf8(body)) {
            // e.g. UTF-16: WeChat sends UTF-8 XML only, and such text could not be stored (PostgreSQL refuses NUL)
            Log.warnf("Push from %s refused: not UTF-8 text", remoteAddr);
            return Answer.refused(400, "not UTF-8 text");
        }
        Map<String, String> envelope;
        try {
            envelope = CallbackXml.parse(body);
        } catch (CallbackXml.Malformed e) {
            Log.warnf("Push from %s refused: %s", remoteAddr, e.getMessage());
            return Answer.refused(400, "malformed XML");
        }
        String toUser = envelope.getOrDefault("ToUserName", "");
        if (toUser.isEmpty()) {
            Log.warnf("Push from %s refused: no ToUserName", remoteAddr);
            return Answer.refused(400, "no ToUserName");
        }
        List<Claim> claims = provenOrAll(callbackKeys.claiming(toUser, config.verifyScanLimit()));
        if (claims.isEmpty()) { // read from the database just now: unknown ids are never held in memory
            Log.warnf("Push for unknown account %s from %s parked", clip(toUser), remoteAddr);
            inbox.park(UnroutableEvent.Reason.UNKNOWN_ACCOUNT, toUser, null, query.raw(), text(body), null, remoteAddr);
            // WeChat would retry an error for ever more; "success" stops it, the admin sees the push.
            return Answer.success(false);
        }
        Answer answer = receive(claims, true, query, envelope, body, remoteAddr);
        if (answer == STALE) {
            // Another node may have changed the token, key or mode since this one read them: the database decides.
            List<Claim> current = provenOrAll(callbackKeys.reload(toUser, config.verifyScanLimit()));
            answer = current.isEmpty() ? Answer.refused(403, "signature does not match")
                    : receive(current, false, query, envelope, body, remoteAddr);
        }
        return answer;
    }

    /** {@code inMemory}: the claims may be stale; a refusal that they could explain answers {@link #STALE}. */
    private Answer receive(List<Claim> claims, boolean inMemory, Query query, Map<String, String> envelope,
            byte[] body, String remoteAddr) {
        Claim tenant = signedFor(claims, query, envelope);
        if (blank(query.timestamp()) || blank(query.nonce())) {
            Log.warnf("Push for tenant %d refused: no timestamp or nonce", tenant.tenantId());
            return Answer.refused(400, "timestamp and nonce are required");
        }
        if (inMemory && !signs(tenant, query, envelope)) {
            return STALE;
        }
        // msg_signature covers the encrypted body, so an encrypted push needs no freshness window: replaying it stores
        // nothing new (dedupe key). The plain signature covers only token+timestamp+nonce: see receivePlain.
        return query.encrypted() ? receiveEncrypted(tenant, inMemory, query, envelope, body, remoteAddr)
                : receivePlain(tenant, inMemory, query, envelope, body, remoteAddr);
    }

    private Answer receivePlain(Claim tenant, boolean inMemory, Query query, Map<String, String> fields, byte[] body,
            String remoteAddr) {
        if (tenant.messageMode() != MessageMode.PLAIN) {
            if (inMemory) {
                return STALE;
            }
            // The plain signature does not cover the body: safe and compatible mode accounts (WeChat then sends
            // encrypt_type=aes) accept encrypted pushes only.
            Log.warnf("Plaintext push for %s-mode tenant %d from %s refused", tenant.messageMode(), tenant.tenantId(),
                    remoteAddr);
            return Answer.refused(403, "this account expects encrypted pushes");
        }
        if (!signs(tenant, query, fields)) {
            Log.warnf("Push for tenant %d from %s refused: bad signature", tenant.tenantId(), remoteAddr);
            return Answer.refused(403, "bad signature");
        }
        // A signature triple seen once (in a log, a proxy) would otherwise sign any body for ever: only a recent
        // timestamp is taken. WeChat signs each retry anew, within seconds.
        Long skew = skewSeconds(query.timestamp());
        if (skew == null || Math.abs(skew) > config.plainTimestampWindow().toSeconds()) {
            Log.warnf("Plaintext push for tenant %d from %s refused: timestamp %s is %s the %d s window",
                    tenant.tenantId(), remoteAddr, clip(query.timestamp()),
                    skew == null ? "not a number, outside" : skew + " s off, outside",
                    config.plainTimestampWindow().toSeconds());
            return Answer.refused(403, "stale or future timestamp");
        }
        return store(tenant, fields, text(body), MessageMode.PLAIN, false);
    }

    private Answer receiveEncrypted(Claim tenant, boolean inMemory, Query query, Map<String, String> envelope,
            byte[] body, String remoteAddr) {
        String encrypt = envelope.get("Encrypt");
        if (blank(encrypt) || blank(query.msgSignature())) {
            Log.warnf("Encrypted push for tenant %d from %s refused: no Encrypt or msg_signature", tenant.tenantId(),
                    remoteAddr);
            return Answer.refused(400, "Encrypt and msg_signature are required");
        }
        if (!signs(tenant, query, envelope)) {
            Log.warnf("Push for tenant %d from %s refused: bad msg_signature", tenant.tenantId(), remoteAddr);
            return Answer.refused(403, "bad msg_signature");
        }
        // From here on the push is WeChat's (or holds the token): whatever goes wrong is parked, not lost.
        String message;
        boolean previousKey = false;
        try {
            message = CallbackCrypto.decrypt(tenant.aesKey(), tenant.appid(), encrypt);
        } catch (CallbackCrypto.Refused current) {
            String previous = callbackKeys.previousKeyInGrace(tenant).orElse(null);
            try {
                if (previous == null) {
                    throw current;
                }
                message = CallbackCrypto.decrypt(previous, tenant.appid(), encrypt);
                previousKey = true;
                Log.infof("Push for tenant %d opened with the previous EncodingAESKey", tenant.tenantId());
            } catch (CallbackCrypto.Refused refused) {
                if (inMemory) {
                    return STALE;
                }
                UnroutableEvent.Reason reason = current.problem() == CallbackCrypto.Problem.APPID_MISMATCH
                        || refused.problem() == CallbackCrypto.Problem.APPID_MISMATCH
                                ? UnroutableEvent.Reason.APPID_MISMATCH
                                : UnroutableEvent.Reason.UNDECRYPTABLE;
                Log.warnf("Signed push for tenant %d from %s parked: %s (%s)", tenant.tenantId(), remoteAddr, reason,
                        current.getMessage());
                inbox.park(reason, tenant.originalId(), tenant.tenantId(), query.raw(), text(body),
                        current.getMessage(), remoteAddr);
                return Answer.success(false);
            }
        }
        Map<String, String> fields;
        if (!MeantText.isMeant(message)) {
            Log.warnf("Signed push for tenant %d refused: the decrypted message holds control characters",
                    tenant.tenantId());
            return Answer.refused(400, "unreadable message");
        }
        try {
            fields = CallbackXml.parse(message);
        } catch (CallbackXml.Malformed e) {
            Log.warnf("Signed push for tenant %d parked: the decrypted message is not XML (%s)", tenant.tenantId(),
                    e.getMessage());
            inbox.park(UnroutableEvent.Reason.UNDECRYPTABLE, tenant.originalId(), tenant.tenantId(), query.raw(),
                    text(body), e.getMessage(), remoteAddr);
            return Answer.success(false);
        }
        if (!tenant.originalId().equals(fields.get("ToUserName"))) {
            Log.warnf("Signed push for tenant %d parked: the message inside is for %s", tenant.tenantId(),
                    clip(fields.get("ToUserName")));
            inbox.park(UnroutableEvent.Reason.ACCOUNT_MISMATCH, tenant.originalId(), tenant.tenantId(), query.raw(),
                    message, null, remoteAddr);
            return Answer.success(false);
        }
        MessageMode arrivedAs = envelope.containsKey("FromUserName") ? MessageMode.COMPAT : MessageMode.SAFE;
        return store(tenant, fields, message, arrivedAs, previousKey);
    }

    private Answer store(Claim tenant, Map<String, String> fields, String rawXml, MessageMode arrivedAs,
            boolean previousKey) {
        Inbox.Incoming incoming = new Inbox.Incoming(tenant.tenantId(), fields, rawXml, arrivedAs.name(), previousKey);
        boolean fresh = inbox.store(incoming);
        if (!fresh) {
            Log.debugf("Duplicate push for tenant %d ignored: %s", tenant.tenantId(), incoming.dedupeKey());
        }
        if (!tenant.callbackVerified() || !tenant.originalIdProven()) {
            inbox.markVerified(tenant.tenantId());
        }
        return Answer.success(fresh);
    }

    /** Only the proven claim on an original id, if there is one: the provisional others get nothing. */
    private static List<Claim> provenOrAll(List<Claim> claims) {
        return !claims.isEmpty() && claims.get(0).originalIdProven() ? claims.subList(0, 1) : claims;
    }

    /** The same rule for the URL check, which reads the tenants themselves. */
    private static List<Tenant> provenTenants(List<Tenant> claims) {
        return !claims.isEmpty() && claims.get(0).originalIdVerifiedAt != null ? claims.subList(0, 1) : claims;
    }

    /**
     * Among provisional claims on one original id, the tenant whose callback token signs the request (the signature
     * decides, nothing else); if none does, the oldest, whose checks below then refuse the push as before.
     */
    private Claim signedFor(List<Claim> claims, Query query, Map<String, String> envelope) {
        if (claims.size() > 1 && !blank(query.timestamp()) && !blank(query.nonce())) {
            for (Claim claim : claims) {
                if (signs(claim, query, envelope)) {
                    return claim;
                }
            }
        }
        return claims.get(0);
    }

    /** Whether the request's signature is this tenant's (msg_signature over the Encrypt when encrypted). */
    private static boolean signs(Claim claim, Query query, Map<String, String> envelope) {
        if (blank(query.timestamp()) || blank(query.nonce())) {
            return false;
        }
        String token = claim.callbackToken();
        return query.encrypted()
                ? !blank(envelope.get("Encrypt")) && !blank(query.msgSignature()) && CallbackCrypto.sameSignature(
                        CallbackCrypto.signature(token, query.timestamp(), query.nonce(), envelope.get("Encrypt")),
                        query.msgSignature())
                : !blank(query.signature()) && CallbackCrypto.sameSignature(
                        CallbackCrypto.signature(token, query.timestamp(), query.nonce()), query.signature());
    }

    /** How far the query's Unix timestamp is from now, in seconds; null if it is not a number. */
    private static Long skewSeconds(String timestamp) {
        try {
            return Long.parseLong(timestamp.strip()) - Instant.now().getEpochSecond();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String clip(String value) {
        if (value == null) {
            return "-";
        }
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
    }
}
