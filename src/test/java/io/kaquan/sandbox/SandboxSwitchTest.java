package io.kaquan.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The sandbox's run-time switch and its answers to failures around an API method. */
@QuarkusTest
class SandboxSwitchTest {

    @Test
    void shouldAnswerNotFoundEverywhereBelowSandboxWhenSwitchedOff() {
        SandboxFilter filter = new SandboxFilter();
        filter.config = config(false);
        for (String path : new String[] { "/sandbox", "/sandbox/wechat/cgi-bin/token", "/sandbox/admin/accounts",
                "/sandbox/accounts/wx1" }) {
            Response response = filter.switchedOff(request(path));
            assertEquals(404, response.getStatus(), path);
        }
        assertNull(filter.switchedOff(request("/sandboxes")));
        assertNull(filter.switchedOff(request("/t/1/cards")));
    }

    @Test
    void shouldLetEverythingThroughWhenSwitchedOn() {
        SandboxFilter filter = new SandboxFilter();
        filter.config = config(true);
        assertNull(filter.switchedOff(request("/sandbox/wechat/cgi-bin/token")));
    }

    @Test
    void shouldAnswerSystemErrorInsteadOfAnErrorPage() {
        given().get("/sandbox/wechat/test-only/failing-api").then().statusCode(200)
                .header("Content-Type", "application/json; encoding=utf-8").body("errcode", equalTo(-1))
                .body("errmsg", startsWith("system error rid: ")).body(not(containsString("internal details")));
    }

    private static SandboxConfig config(boolean enabled) {
        return (SandboxConfig) Proxy.newProxyInstance(SandboxConfig.class.getClassLoader(),
                new Class<?>[] { SandboxConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("enabled")) {
                        return enabled;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ContainerRequestContext request(String path) {
        UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
                new Class<?>[] { UriInfo.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getRequestUri" -> URI.create("http://localhost" + path);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] { ContainerRequestContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uriInfo;
                    case "getMethod" -> "GET";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
