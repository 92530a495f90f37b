package io.kaquan.sandbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only sandbox API that fails like a bug would, to prove that WeChat clients see -1 and never an HTML page. */
@Path("/sandbox/wechat/test-only/failing-api")
public class SandboxFailingApi {

    @GET
    public String fail() {
        throw new IllegalStateException("a bug with internal details");
    }
}
