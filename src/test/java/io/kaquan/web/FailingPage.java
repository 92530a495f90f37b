package io.kaquan.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only page that fails the way a bug would, to prove that nobody sees a stack trace. */
@Path("/test-only/failing-page")
public class FailingPage {

    @GET
    public String fail() {
        throw new IllegalStateException("a bug with internal details: password=hunter2");
    }
}
