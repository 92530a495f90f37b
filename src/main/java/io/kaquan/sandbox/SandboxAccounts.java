package io.kaquan.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Creating and changing sandbox accounts, for the console and the admin API alike. Missing values are generated in
 * WeChat's formats. Texts of refusals come from the SandboxMsg bundle the caller passes (English for the admin API).
 */
@ApplicationScoped
public class SandboxAccounts {

    public static final Pattern APPID = Pattern.compile("[0-9A-Za-z_]{3,32}");
    public static final Pattern SECRET = Pattern.compile("[0-9A-Za-z]{1,64}");
    static final Pattern ORIGINAL_ID = Pattern.compile("gh_[0-9A-Za-z]{1,32}");
    public static final Pattern CALLBACK_TOKEN = Pattern.compile("[0-9A-Za-z]{3,32}");
    public static final Pattern AES_KEY = Pattern.compile("[0-9A-Za-z]{43}");
    static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    static final int MAX_TTL = 7200;
    /** The sandbox's own namespace: s and x are not hex, so no real appid (wx + 16 hex) or gh_ + 12 hex collides. */
    public static final String APPID_PREFIX = "wxsbx";
    public static final String ORIGINAL_ID_PREFIX = "gh_sbx";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    /**
     * An account's settings as given; null keeps the current value (or generates one on creation). An empty
     * callbackUrl or allowedIps clears it; other empty texts count as not given.
     */
    public record AccountInput(String appid, String secret, String originalId, String callbackUrl,
            String callbackToken, String encodingAesKey, String messageMode, String tokenTtlSeconds,
            String allowedIps, Boolean cardEnabled, Boolean payEnabled, Boolean customCodeEnabled) {
    }

    /** Faults as given; null keeps the current value. An empty callBudget removes the budget. */
    public record FaultInput(String errorShare, String latencyMs, String callBudget, Boolean dropPushes,
            Boolean duplicatePushes) {
    }

    @Inject
    SandboxConfig config;

    /** A new account of {@code owner} (the creator's sign-in name; null for an operator's account). */
    @Transactional
    public SandboxAccount create(AccountInput input, String owner, SandboxMsg msg) {
        Map<String, String> errors = new LinkedHashMap<>();
        SandboxAccount account = new SandboxAccount();
        account.appid = given(input.appid()).orElseGet(() -> APPID_PREFIX + random(HEX, 13));
        account.appsecret = given(input.secret()).orElseGet(() -> random(ALPHANUMERIC, 32));
        account.originalId = given(input.originalId()).orElseGet(() -> ORIGINAL_ID_PREFIX + random(HEX, 9));
        account.callbackToken = given(input.callbackToken()).orElseGet(() -> random(ALPHANUMERIC, 32));
        account.encodingAesKey = given(input.encodingAesKey()).orElseGet(SandboxAccounts::newAesKey);
        account.messageMode = SandboxAccount.MessageMode.SAFE;
        account.tokenTtlSeconds = config.defaultTokenTtlSeconds();
        check(APPID, account.appid, "appid", msg.errAppid(), errors);
        check(SECRET, account.appsecret, "secret", msg.errSecret(), errors);
        check(ORIGINAL_ID, account.originalId, "originalId", msg.errOriginalId(), errors);
        if (!config.standsForWechat() && !account.appid.startsWith(APPID_PREFIX)) {
            errors.putIfAbsent("appid", msg.errAppidNamespace(APPID_PREFIX));
        }
        if (!config.standsForWechat() && !account.originalId.startsWith(ORIGINAL_ID_PREFIX)) {
            errors.putIfAbsent("originalId", msg.errOriginalIdNamespace(ORIGINAL_ID_PREFIX));
        }
        account.owner = owner;
        apply(account, input, msg, errors);
        if (!errors.isEmpty()) {
            throw new SandboxInvalid(errors);
        }
        if (SandboxAccount.byAppid(account.appid).isPresent()) {
            errors.put("appid", msg.errAppidTaken());
        }
        if (SandboxAccount.count("originalId", account.originalId) > 0) {
            errors.put("originalId", msg.errOriginalIdTaken());
        }
        if (!errors.isEmpty()) {
            throw new SandboxInvalid(errors, true);
        }
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        account.persist();
        return account;
    }

    /** Changes the settings other than appid, secret and original id (those are fixed once created). */
    @Transactional
    public SandboxAccount update(String appid, AccountInput input, SandboxMsg msg) {
        SandboxAccount account = find(appid, msg);
        Map<String, String> errors = new LinkedHashMap<>();
        given(input.callbackToken()).ifPresent(token -> account.callbackToken = token);
        given(input.encodingAesKey()).ifPresent(key -> account.encodingAesKey = key);
        apply(account, input, msg, errors);
        if (!errors.isEmpty()) {
            throw new SandboxInvalid(errors);
        }
        account.updatedAt = Instant.now();
        return account;
    }

    private void apply(SandboxAccount account, AccountInput input, SandboxMsg msg, Map<String, String> errors) {
        check(CALLBACK_TOKEN, account.callbackToken, "callbackToken", msg.errCallbackToken(), errors);
        if (!AES_KEY.matcher(account.encodingAesKey).matches() || !decodes(account.encodingAesKey)) {
            errors.put("encodingAesKey", msg.errEncodingAesKey());
        }
        if (input.callbackUrl() != null) {
            String url = input.callbackUrl().strip();
            if (url.isEmpty()) {
                account.callbackUrl = null;
            } else {
                SandboxCallbackUrls.accepted(url, config).ifPresentOrElse(accepted -> account.callbackUrl = accepted,
                        () -> errors.put("callbackUrl", msg.errCallbackUrl(config.callbackPath())));
            }
        }
        given(input.messageMode()).ifPresent(mode -> SandboxAccount.MessageMode.parse(mode).ifPresentOrElse(
                parsed -> account.messageMode = parsed, () -> errors.put("messageMode", msg.errMessageMode())));
        given(input.tokenTtlSeconds()).ifPresent(ttl -> {
            if (ttl.matches("[0-9]{1,5}") && Integer.parseInt(ttl) >= 1 && Integer.parseInt(ttl) <= MAX_TTL) {
                account.tokenTtlSeconds = Integer.parseInt(ttl);
            } else {
                errors.put("tokenTtlSeconds", msg.errTokenTtl());
            }
        });
        if (input.allowedIps() != null) {
            String ips = String.join(",", input.allowedIps().strip().split("[,\\s]+")).replaceAll("^,|,$", "");
            for (String ip : ips.split(",")) {
                if (!ip.isEmpty() && !IP.matcher(ip).matches()) {
                    errors.putIfAbsent("allowedIps", msg.errAllowedIps(ip));
                }
            }
            account.allowedIps = ips.isEmpty() ? null : ips;
        }
        if (input.cardEnabled() != null) {
            account.cardEnabled = input.cardEnabled();
        }
        if (input.payEnabled() != null) {
            account.payEnabled = input.payEnabled();
        }
        if (input.customCodeEnabled() != null) {
            account.customCodeEnabled = input.customCodeEnabled();
        }
    }

    @Transactional
    public SandboxAccount setFaults(String appid, FaultInput input, SandboxMsg msg) {
        SandboxAccount account = find(appid, msg);
        Map<String, String> errors = new LinkedHashMap<>();
        given(input.errorShare()).ifPresent(share -> {
            try {
                double value = Double.parseDouble(share);
                if (value >= 0 && value <= 1) {
                    account.faultErrorShare = value;
                    return;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            errors.put("errorShare", msg.errErrorShare());
        });
        given(input.latencyMs()).ifPresent(latency -> {
            if (latency.matches("[0-9]{1,5}") && Integer.parseInt(latency) <= 60_000) {
                account.faultLatencyMs = Integer.parseInt(latency);
            } else {
                errors.put("latencyMs", msg.errLatencyMs());
            }
        });
        if (input.callBudget() != null) {
            String budget = input.callBudget().strip();
            if (budget.isEmpty()) {
                account.faultCallBudget = null;
            } else if (budget.matches("[0-9]{1,9}")) {
                account.faultCallBudget = Integer.parseInt(budget);
            } else {
                errors.put("callBudget", msg.errCallBudget());
            }
        }
        if (input.dropPushes() != null) {
            account.faultDropPushes = input.dropPushes();
        }
        if (input.duplicatePushes() != null) {
            account.faultDuplicatePushes = input.duplicatePushes();
        }
        if (!errors.isEmpty()) {
            throw new SandboxInvalid(errors);
        }
        account.updatedAt = Instant.now();
        return account;
    }

    public SandboxAccount find(String appid, SandboxMsg msg) {
        return SandboxAccount.byAppid(appid).orElseThrow(() -> new SandboxNotFound(msg.errNoAccount()));
    }

    /** No account with that appid. */
    public static class SandboxNotFound extends RuntimeException {
        public SandboxNotFound(String message) {
            super(message);
        }
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static void check(Pattern pattern, String value, String field, String message, Map<String, String> errors) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.putIfAbsent(field, message);
        }
    }

    /** Whether an EncodingAESKey decodes to 32 bytes (the account's and the platform's rule). */
    public static boolean decodes(String aesKey) {
        try {
            return Base64.getDecoder().decode(aesKey + "=").length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 43 characters of [A-Za-z0-9] that decode to 32 bytes (the last one carries 4 unused bits). */
    public static String newAesKey() {
        while (true) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String base64 = Base64.getEncoder().encodeToString(key).substring(0, 43);
            if (!base64.contains("+") && !base64.contains("/")) {
                return base64;
            }
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
