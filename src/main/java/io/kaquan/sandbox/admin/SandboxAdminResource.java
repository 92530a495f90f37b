package io.kaquan.sandbox.admin;

import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.AdminJson;
import io.kaquan.sandbox.SandboxAccess;
import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxAccounts;
import io.kaquan.sandbox.SandboxInvalid;
import io.kaquan.sandbox.SandboxMsg;
import io.kaquan.sandbox.SandboxUsage;
import io.kaquan.sandbox.push.PushSender;
import io.kaquan.sandbox.push.SandboxEvents;
import io.kaquan.sandbox.push.SandboxPush;
import io.kaquan.sandbox.push.SandboxPushAttempt;
import io.kaquan.sandbox.tokens.SandboxTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The sandbox's own JSON admin API (not WeChat's), for tests and outside checks: accounts, faults, limits, pushes.
 * Open in dev and test; elsewhere only for platform admins and the admin token (SandboxFilter). Refusals are 400/404/409 with
 * {@code {"error": …, "fields": …}}
 * in English. Card and code admin endpoints live in sandbox-cards' own resource. Long because it is one endpoint per
 * account setting the README documents; each method is a few lines over {@code SandboxAccounts}.
 */
@Path("/sandbox/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SandboxAdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxTokens tokens;

    @Inject
    SandboxUsage usage;

    @Inject
    PushSender pushes;

    @Inject
    UriInfo uriInfo;

    @Inject
    SandboxAccess access;

    /** Refusal of a request body, in English. */
    static class BadRequest extends RuntimeException {
        final String field;

        BadRequest(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    @GET
    public ArrayNode list() {
        ArrayNode list = JSON.createArrayNode();
        SandboxAccount.newestFirst().forEach(account -> list.add(json(account)));
        return list;
    }

    @POST
    public Response create(String body) {
        ObjectNode request = parse(body);
        // The product names the user it creates the account for; otherwise it belongs to the signed-in caller.
        String owner = text(request, "owner");
        SandboxAccount account = accounts.create(accountInput(request),
                owner != null && !owner.isBlank() ? owner.strip() : access.currentOwner().orElse(null), english());
        return Response.created(URI.create("/sandbox/admin/accounts/" + account.appid)).entity(json(account)).build();
    }

    @GET
    @Path("{appid}")
    public ObjectNode get(@RestPath String appid) {
        return json(accounts.find(appid, english()));
    }

    @PUT
    @Path("{appid}")
    public ObjectNode update(@RestPath String appid, String body) {
        ObjectNode request = parse(body);
        for (String fixed : List.of("appid", "secret", "originalId")) {
            if (request.has(fixed) && !request.get(fixed).asText().equals(fieldOf(accounts.find(appid, english()), fixed))) {
                throw new BadRequest(fixed, fixed + " cannot be changed; create another account");
            }
        }
        return json(accounts.update(appid, accountInput(request), english()));
    }

    /**
     * {@code {"errorShare":0.5,"latencyMs":200,"callBudget":3,"invalidateToken":true,"dropPushes":false,
     * "duplicatePushes":true}}; absent fields keep their value, {@code "callBudget":null} removes the budget.
     */
    @PUT
    @Path("{appid}/faults")
    public ObjectNode faults(@RestPath String appid, String body) {
        ObjectNode request = parse(body);
        String budget = request.has("callBudget") ? (request.get("callBudget").isNull() ? "" : number(request, "callBudget"))
                : null;
        SandboxAccount account = accounts.setFaults(appid, new SandboxAccounts.FaultInput(number(request, "errorShare"),
                number(request, "latencyMs"), budget, bool(request, "dropPushes"), bool(request, "duplicatePushes")),
                english());
        int invalidated = Boolean.TRUE.equals(bool(request, "invalidateToken")) ? tokens.invalidateAll(account.id)
                : 0;
        ObjectNode answer = json(account);
        answer.put("invalidatedTokens", invalidated);
        return answer;
    }

    /** {@code {"api":"/card/create","dailyLimit":10,"minuteLimit":2}}; null or absent limits use the defaults. */
    @PUT
    @Path("{appid}/limits")
    public ObjectNode limits(@RestPath String appid, String body) {
        ObjectNode request = parse(body);
        String api = text(request, "api");
        if (api == null || !api.startsWith("/")) {
            throw new BadRequest("api", "api must be a WeChat path such as /card/create");
        }
        Integer daily = nonNegative(request, "dailyLimit");
        Integer minute = nonNegative(request, "minuteLimit");
        SandboxAccount account = accounts.find(appid, english());
        QuarkusTransaction.requiringNew().run(() -> usage.setLimits(account.id, api, daily, minute));
        SandboxUsage.Limits limits = QuarkusTransaction.requiringNew()
                .call(() -> usage.limits(account.id, api));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("api", api);
        answer.put("dailyLimit", limits.daily());
        if (limits.perMinute() == null) {
            answer.putNull("minuteLimit");
        } else {
            answer.put("minuteLimit", limits.perMinute());
        }
        return answer;
    }

    /** Pushes newest first, each with its attempts. */
    @GET
    @Path("{appid}/pushes")
    public ArrayNode pushList(@RestPath String appid, @RestQuery @DefaultValue("50") int limit) {
        SandboxAccount account = accounts.find(appid, english());
        ArrayNode list = JSON.createArrayNode();
        for (SandboxPush push : SandboxPush.recentOf(account.id, Math.max(1, Math.min(limit, 500)))) {
            list.add(json(push));
        }
        return list;
    }

    /**
     * Pushes any event to the account's callback: {@code {"xml":"<xml>…</xml>"}}, or
     * {@code {"event":"card_pass_check","fromUserName":"o…","fields":{"CardId":"p…","IsGiveByFriend":0}}}
     * (numbers are written bare, texts in CDATA). Answers 202; see GET …/pushes for the outcome.
     */
    @POST
    @Path("{appid}/pushes")
    public Response push(@RestPath String appid, String body) {
        ObjectNode request = parse(body);
        SandboxAccount account = accounts.find(appid, english());
        String xml = text(request, "xml");
        if (xml == null) {
            String event = text(request, "event");
            if (event == null || event.isBlank()) {
                throw new BadRequest("event", "give either xml or event");
            }
            String from = text(request, "fromUserName");
            SandboxEvents.Builder builder = SandboxEvents.event(account, from == null ? "" : from, event);
            JsonNode fields = request.get("fields");
            if (fields != null && !fields.isNull()) {
                if (!fields.isObject()) {
                    throw new BadRequest("fields", "fields must be an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isIntegralNumber()) {
                        builder.number(field.getKey(), field.getValue().longValue());
                    } else if (field.getValue().isValueNode()) {
                        builder.text(field.getKey(), field.getValue().asText());
                    } else {
                        throw new BadRequest("fields." + field.getKey(), "field values must be texts or integers");
                    }
                }
            }
            xml = builder.xml();
        }
        pushes.push(account, xml);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("queued", true);
        answer.put("eventType", SandboxEvents.eventType(xml));
        return Response.accepted(answer).build();
    }

    // JSON in and out

    static SandboxMsg english() {
        return MessageBundles.get(SandboxMsg.class, Localized.Literal.of("en"));
    }

    private static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(null, "malformed JSON: " + e.getOriginalMessage());
        }
        throw new BadRequest(null, "the body must be a JSON object");
    }

    private static SandboxAccounts.AccountInput accountInput(ObjectNode request) {
        JsonNode ips = request.get("allowedIps");
        String allowedIps;
        if (ips == null) {
            allowedIps = null;
        } else if (ips.isNull()) {
            allowedIps = "";
        } else if (ips.isArray()) {
            StringBuilder joined = new StringBuilder();
            ips.forEach(ip -> {
                if (!ip.isTextual()) {
                    throw new BadRequest("allowedIps", "allowedIps must be texts");
                }
                joined.append(joined.isEmpty() ? "" : ",").append(ip.textValue());
            });
            allowedIps = joined.toString();
        } else {
            allowedIps = text(request, "allowedIps");
        }
        JsonNode url = request.get("callbackUrl");
        return new SandboxAccounts.AccountInput(text(request, "appid"), text(request, "secret"),
                text(request, "originalId"), url != null && url.isNull() ? "" : text(request, "callbackUrl"),
                text(request, "callbackToken"), text(request, "encodingAesKey"), text(request, "messageMode"),
                number(request, "tokenTtlSeconds"), allowedIps, bool(request, "cardEnabled"),
                bool(request, "payEnabled"), bool(request, "customCodeEnabled"));
    }

    private static String text(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequest(field, field + " must be a text");
        }
        return value.textValue();
    }

    private static String number(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new BadRequest(field, field + " must be a number");
        }
        return value.isIntegralNumber() ? Long.toString(value.longValue()) : value.asText();
    }

    private static Integer nonNegative(ObjectNode request, String field) {
        String number = number(request, field);
        if (number == null) {
            return null;
        }
        if (!number.matches("[0-9]{1,9}")) {
            throw new BadRequest(field, field + " must be a whole number of at least 0");
        }
        return Integer.valueOf(number);
    }

    private static Boolean bool(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new BadRequest(field, field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String fieldOf(SandboxAccount account, String field) {
        return switch (field) {
            case "appid" -> account.appid;
            case "secret" -> account.appsecret;
            default -> account.originalId;
        };
    }

    ObjectNode json(SandboxAccount account) {
        ObjectNode json = JSON.createObjectNode();
        json.put("appid", account.appid);
        json.put("secret", account.appsecret);
        json.put("originalId", account.originalId);
        json.put("owner", account.owner);
        json.put("callbackUrl", account.callbackUrl);
        json.put("callbackToken", account.callbackToken);
        json.put("encodingAesKey", account.encodingAesKey);
        json.put("messageMode", account.messageMode.name());
        json.put("tokenTtlSeconds", account.tokenTtlSeconds);
        ArrayNode ips = json.putArray("allowedIps");
        account.allowedIpList().forEach(ips::add);
        json.put("cardEnabled", account.cardEnabled);
        json.put("payEnabled", account.payEnabled);
        json.put("customCodeEnabled", account.customCodeEnabled);
        ObjectNode faults = json.putObject("faults");
        faults.put("errorShare", account.faultErrorShare);
        faults.put("latencyMs", account.faultLatencyMs);
        if (account.faultCallBudget == null) {
            faults.putNull("callBudget");
        } else {
            faults.put("callBudget", account.faultCallBudget);
        }
        faults.put("dropPushes", account.faultDropPushes);
        faults.put("duplicatePushes", account.faultDuplicatePushes);
        json.put("apiBaseUrl", uriInfo.getBaseUri().resolve("/sandbox/wechat").toString());
        json.put("createdAt", account.createdAt.toString());
        return json;
    }

    static ObjectNode json(SandboxPush push) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", push.id);
        json.put("eventType", push.eventType);
        json.put("status", push.status.name());
        json.put("attempts", push.attempts);
        putNullable(json, "httpStatus", push.httpStatus);
        json.put("reply", push.reply);
        putNullable(json, "latencyMs", push.latencyMs);
        json.put("body", push.body);
        json.put("createdAt", push.createdAt.toString());
        json.put("finishedAt", push.finishedAt == null ? null : push.finishedAt.toString());
        json.put("nextAttemptAt", push.nextAttemptAt == null ? null : push.nextAttemptAt.toString());
        ArrayNode attempts = json.putArray("attemptList");
        for (SandboxPushAttempt attempt : push.attemptList()) {
            ObjectNode a = attempts.addObject();
            a.put("attempt", attempt.attempt);
            a.put("url", attempt.url);
            a.put("request", attempt.request);
            a.put("outcome", attempt.outcome.name());
            putNullable(a, "httpStatus", attempt.httpStatus);
            a.put("reply", attempt.reply);
            a.put("error", attempt.error);
            a.put("latencyMs", attempt.latencyMs);
            a.put("startedAt", attempt.startedAt.toString());
            a.put("nextRetryAt", attempt.nextRetryAt == null ? null : attempt.nextRetryAt.toString());
        }
        return json;
    }

    private static void putNullable(ObjectNode json, String field, Integer value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }

    // Refusals: JSON for this resource only (mappers declared in a resource class apply to it alone)

    @ServerExceptionMapper
    public Response badRequest(BadRequest e) {
        return AdminJson.badField(e.field, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(SandboxInvalid e) {
        return AdminJson.invalid(e);
    }

    @ServerExceptionMapper
    public Response notFound(SandboxAccounts.SandboxNotFound e) {
        return AdminJson.error(404, e.getMessage());
    }
}
