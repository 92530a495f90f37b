package io.kaquan.sandbox.open;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

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
import io.kaquan.sandbox.SandboxInvalid;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The sandbox admin API for simulated open platforms (tests, outside checks), next to the accounts':
 * create and change platforms, push a ticket now, act as an account's administrator (authorize, change the granted
 * sets, revoke), and break a refresh token. Same access rule as every /sandbox/admin path (SandboxFilter).
 */
@Path("/sandbox/admin/open-platforms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class OpenAdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OpenPlatforms platforms;

    @Inject
    SandboxAccess access;

    /** A refused body. */
    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * {@code {"appid","secret","token","encodingAesKey","authEventUrl","messageUrl","tokenTtlSeconds",
     * "ticketTtlSeconds","ticketsPaused","owner"}}, all optional; answers 201 with the platform (secrets included:
     * simulator data).
     */
    @POST
    public Response create(String body) {
        ObjectNode request = parse(body);
        String owner = text(request, "owner");
        OpenPlatform platform = platforms.create(input(request),
                owner != null && !owner.isBlank() ? owner.strip() : access.currentOwner().orElse(null));
        return Response.created(URI.create("/sandbox/admin/open-platforms/" + platform.appid)).entity(json(platform))
                .build();
    }

    @GET
    @Path("{appid}")
    public ObjectNode get(@RestPath String appid) {
        return QuarkusTransaction.requiringNew().call(() -> json(platforms.platform(appid)));
    }

    @PUT
    @Path("{appid}")
    public ObjectNode update(@RestPath String appid, String body) {
        return json(platforms.update(appid, input(parse(body))));
    }

    /** Pushes a new component_verify_ticket now; answers the push (its outcome under …/pushes). */
    @POST
    @Path("{appid}/ticket")
    public Response pushTicket(@RestPath String appid) {
        OpenPlatform platform = QuarkusTransaction.requiringNew().call(() -> platforms.platform(appid));
        return Response.accepted(json(platforms.pushTicket(platform.id))).build();
    }

    @GET
    @Path("{appid}/pushes")
    public ArrayNode pushes(@RestPath String appid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ArrayNode list = JSON.createArrayNode();
            OpenPush.recentOf(platforms.platform(appid).id, 100).forEach(push -> list.add(json(push)));
            return list;
        });
    }

    /**
     * The administrator of {@code authorizerAppid} confirms on the authorization page, without a browser:
     * {@code {"preAuthCode","authorizerAppid","grantedSets":[8,13]}}; answers {@code {"authCode","expiresIn",
     * "infoType"}}.
     */
    @POST
    @Path("{appid}/authorize")
    public ObjectNode authorize(@RestPath String appid, String body) {
        ObjectNode request = parse(body);
        SandboxAccount account = QuarkusTransaction.requiringNew().call(() -> SandboxAccount
                .byAppid(text(request, "authorizerAppid")).orElseThrow(() -> new BadRequest("no such authorizerAppid")));
        OpenPlatforms.Authorized authorized = platforms.authorize(appid, text(request, "preAuthCode"), account,
                sets(request));
        return answer(authorized);
    }

    /** 更新授权: {@code {"grantedSets":[…]}}; pushes updateauthorized with a new code. */
    @POST
    @Path("{appid}/authorizers/{authorizerAppid}/update")
    public ObjectNode updateAuthorization(@RestPath String appid, @RestPath String authorizerAppid, String body) {
        return answer(platforms.updateAuthorization(appid, authorizerAppid, sets(parse(body))));
    }

    /**
     * 取消授权: pushes unauthorized; the account's authorizer tokens stop at once. {@code ?push=false}: a fault, the
     * push is lost (the platform learns it only from 61003 on its next call).
     */
    @POST
    @Path("{appid}/authorizers/{authorizerAppid}/unauthorize")
    public ObjectNode unauthorize(@RestPath String appid, @RestPath String authorizerAppid,
            @RestQuery @DefaultValue("true") boolean push) {
        OpenAuthorization authorization = platforms.unauthorize(appid, authorizerAppid, push);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("active", authorization.active);
        return answer;
    }

    /** A fault: the refresh token the platform holds stops working (61023). */
    @POST
    @Path("{appid}/authorizers/{authorizerAppid}/replace-refresh-token")
    public ObjectNode replaceRefreshToken(@RestPath String appid, @RestPath String authorizerAppid) {
        platforms.replaceRefreshToken(appid, authorizerAppid);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("replaced", true);
        return answer;
    }

    private static ObjectNode answer(OpenPlatforms.Authorized authorized) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("authCode", authorized.authCode());
        answer.put("expiresIn", authorized.expiresIn());
        answer.put("infoType", authorized.firstTime() ? "authorized" : "updateauthorized");
        return answer;
    }

    private static List<Integer> sets(ObjectNode request) {
        JsonNode sets = request.get("grantedSets");
        if (sets == null || !sets.isArray()) {
            throw new BadRequest("grantedSets must be an array of permission-set ids");
        }
        List<Integer> list = new ArrayList<>();
        sets.forEach(set -> {
            if (!set.canConvertToInt()) {
                throw new BadRequest("grantedSets must be an array of permission-set ids");
            }
            list.add(set.asInt());
        });
        return list;
    }

    private static OpenPlatforms.PlatformInput input(ObjectNode request) {
        return new OpenPlatforms.PlatformInput(text(request, "appid"), text(request, "secret"), text(request, "token"),
                text(request, "encodingAesKey"), text(request, "authEventUrl"), text(request, "messageUrl"),
                integer(request, "tokenTtlSeconds"), integer(request, "ticketTtlSeconds"),
                request.has("ticketsPaused") ? request.get("ticketsPaused").asBoolean() : null);
    }

    static ObjectNode json(OpenPlatform platform) {
        ObjectNode json = JSON.createObjectNode();
        json.put("appid", platform.appid);
        json.put("secret", platform.secret);
        json.put("token", platform.token);
        json.put("encodingAesKey", platform.encodingAesKey);
        json.put("authEventUrl", platform.authEventUrl);
        json.put("messageUrl", platform.messageUrl);
        json.put("tokenTtlSeconds", platform.tokenTtlSeconds);
        json.put("ticketTtlSeconds", platform.ticketTtlSeconds);
        json.put("ticketsPaused", platform.nextTicketAt == null);
        json.put("owner", platform.owner);
        return json;
    }

    static ObjectNode json(OpenPush push) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", push.id);
        json.put("infoType", push.infoType);
        json.put("body", push.body);
        json.put("status", push.status.name());
        if (push.httpStatus != null) {
            json.put("httpStatus", push.httpStatus);
        }
        json.put("reply", push.reply);
        json.put("createdAt", push.createdAt.toString());
        return json;
    }

    private static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the body must be a JSON object");
        }
    }

    private static String text(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer integer(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            throw new BadRequest(field + " must be a number");
        }
        return node.asInt();
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequest e) {
        return AdminJson.error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(SandboxInvalid e) {
        return AdminJson.invalid(e);
    }

    @ServerExceptionMapper
    public Response notFound(OpenPlatforms.NotFound e) {
        return AdminJson.error(404, e.getMessage());
    }
}
