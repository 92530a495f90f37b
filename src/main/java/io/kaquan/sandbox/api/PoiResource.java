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
import io.kaquan.sandbox.cards.PoiStores;

/** WeChat's store list (cgi-bin/poi/getpoilist), for the location_id_list of cards. */
@Path("/sandbox/wechat/cgi-bin/poi")
public class PoiResource {

    @Inject
    SandboxGate gate;

    @Inject
    PoiStores stores;

    @POST
    @Path("getpoilist")
    public Response list(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorize(accessToken, "/cgi-bin/poi/getpoilist");
        return WeChatReply.ok(stores.list(account, SandboxJson.parse(body)));
    }
}
