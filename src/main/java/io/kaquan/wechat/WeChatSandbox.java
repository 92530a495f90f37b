package io.kaquan.wechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The built-in sandbox's side of a sandbox tenant: its simulated official account, created over the sandbox's admin
 * API (HTTP, like any outside client: product code never touches sandbox tables), pushing to this app's callback.
 */
@ApplicationScoped
public class WeChatSandbox {

    /** The sandbox refused or could not be reached; {@link #fields()} names the refused values (sandbox's English). */
    public static class SandboxUnavailable extends RuntimeException {
        private final Map<String, String> fields;

        SandboxUnavailable(String message, Map<String, String> fields, Throwable cause) {
            super(message, cause);
            this.fields = fields;
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /** What the sandbox account gets: the tenant's own values. */
    @RegisterForReflection
    public record Account(String appid, String secret, String originalId, String callbackToken, String encodingAesKey,
            String messageMode, String callbackUrl, String owner) {
        @Override
        public String toString() {
            return "SandboxAccount[" + appid + "]";
        }
    }

    /** The sandbox's admin API speaks camelCase, unlike WeChat. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the sandbox derives its admin token from (io.kaquan.sandbox.SandboxAccess): the same words, same key. */
    private static final String ADMIN_TOKEN_PURPOSE = "kaquan-sandbox-admin-token";

    @Inject
    ApiClients clients;

    @ConfigProperty(name = "kaquan.sandbox.admin-token")
    Optional<String> adminToken;

    @ConfigProperty(name = "kaquan.secrets.master-key")
    Optional<String> masterKey;

    /**
     * Creates the simulated account of a sandbox tenant, pushing to this app's /wechat/callback. An account that
     * already exists with the same appid and secret is taken as it is (a second start of the dev demo).
     *
     * @param owner the sign-in name of the user the account is for (the sandbox console shows it to them), or null
     */
    public void createAccount(String appid, String secret, String originalId, String callbackToken,
            String encodingAesKey, String messageMode, String owner) {
        Account account = new Account(appid, secret, originalId, callbackToken, encodingAesKey, messageMode,
                clients.sandboxCallbackUrl() + "?t=" + originalId, owner); // the hint finds the tenant at once
        RestResponse<byte[]> response;
        try {
            response = admin().create(authorization(), JSON.writeValueAsBytes(account));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw new SandboxUnavailable("The sandbox cannot be reached: " + e.getMessage(), Map.of(), e);
        }
        if (response.getStatus() == 201) {
            return;
        }
        Map<String, String> fields = fields(response.getEntity());
        if (response.getStatus() == 409 && sameAccountExists(appid, secret)) {
            return;
        }
        throw new SandboxUnavailable("The sandbox refused the account: HTTP " + response.getStatus() + " " + fields,
                fields, null);
    }

    /** Whether the sandbox has an account with this appid and secret. */
    public boolean sameAccountExists(String appid, String secret) {
        try {
            RestResponse<byte[]> response = admin().get(authorization(), appid);
            if (response.getStatus() != 200) {
                return false;
            }
            JsonNode account = JSON.readTree(response.getEntity());
            return secret.equals(account.path("secret").asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The sandbox's admin credential: the configured token, else HMAC-SHA256 of a fixed purpose under the master key
     * — every node derives the same one, so no operator setup is needed. Null when there is neither (dev: open API).
     */
    String authorization() {
        if (adminToken.isPresent() && !adminToken.get().isBlank()) {
            return "Bearer " + adminToken.get();
        }
        if (masterKey.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(masterKey.get().strip()), "HmacSHA256"));
            return "Bearer " + HexFormat.of().formatHex(mac.doFinal(ADMIN_TOKEN_PURPOSE.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Asks the sandbox to push WeChat's debug event to the account's callback URL, carrying {@code msgId} so that
     * our inbox can tell when this very push arrived (a MsgId is its dedupe key).
     */
    public void testPush(String appid, long msgId) {
        Map<String, Object> request = Map.of("event", "debug_demo", "fromUserName", "o_kaquan_test_push",
                "fields", Map.of("MsgId", msgId, "debug_str", "kaquan test push"));
        RestResponse<byte[]> response;
        try {
            response = admin().push(authorization(), appid, JSON.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw new SandboxUnavailable("The sandbox cannot be reached: " + e.getMessage(), Map.of(), e);
        }
        if (response.getStatus() != 202) {
            throw new SandboxUnavailable("The sandbox refused the push: HTTP " + response.getStatus() + " "
                    + fields(response.getEntity()), fields(response.getEntity()), null);
        }
    }

    private SandboxAdminRestClient admin() {
        return clients.client(clients.sandboxAdmin(), SandboxAdminRestClient.class);
    }

    private static Map<String, String> fields(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(body);
            node.path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            if (fields.isEmpty() && node.has("error")) {
                fields.put("error", node.path("error").asText());
            }
        } catch (IOException | RuntimeException e) {
            fields.put("error", "unreadable answer");
        }
        return fields;
    }
}
