package io.kaquan.sandbox.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.stats.DatacubeStats;

/** The card statistics of WeChat's datacube; successes are {"list":[…]} without errcode. */
@Path("/sandbox/wechat/datacube")
public class DatacubeResource {

    @Inject
    SandboxGate gate;

    @Inject
    DatacubeStats stats;

    @POST
    @Path("getcardbizuininfo")
    public Response bizuin(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/datacube/getcardbizuininfo");
        return WeChatReply.raw(stats.bizuin(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("getcardcardinfo")
    public Response cards(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/datacube/getcardcardinfo");
        return WeChatReply.raw(stats.cards(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("getcardmembercardinfo")
    public Response memberCards(@RestQuery("access_token") String accessToken, String body) {
        gate.authorizeCards(accessToken, "/datacube/getcardmembercardinfo");
        return WeChatReply.raw(stats.memberCards(SandboxJson.parse(body)));
    }
}
