package io.kaquan.sandbox.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.AdminJson;
import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardReview;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.CardSettings;

/**
 * How one account's cards are reviewed (admin API): {@code PUT /sandbox/admin/accounts/{appid}/card-review} with
 * {@code {"delaySeconds":0,"pass":true,"reason":"…"}}. Its own root path, so that it is matched before the core's
 * /sandbox/admin/accounts resource.
 */
@Path("/sandbox/admin/accounts/{appid}/card-review")
public class CardReviewRuleResource {

    @Inject
    CardReview review;

    @PUT
    public Response set(@RestPath String appid, String body) {
        SandboxAccount account = SandboxAccount.byAppid(appid).orElseThrow(NotFoundException::new);
        ObjectNode request = CardAdminResource.parse(body);
        CardSettings settings = review.configure(account,
                SandboxJson.requiredInt(request, "delaySeconds", CardRules.missing("delaySeconds")),
                SandboxJson.booleanOr(request, "pass", true), SandboxJson.optionalText(request, "reason").orElse(null));
        ObjectNode reply = WeChatReply.object();
        reply.put("delaySeconds", settings.reviewDelaySeconds);
        reply.put("pass", settings.reviewPass);
        reply.put("reason", settings.refuseReason);
        return AdminJson.answer(200, reply);
    }

    @ServerExceptionMapper
    public Response refused(WeChatError error) {
        return AdminJson.refused(400, error);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException error) {
        return AdminJson.error(404, "not found");
    }
}
