package io.kaquan.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer. The pages load scripts only from this site (htmx and Chart.js from /webjars, our
 * own from /static) and no inline script; inline style attributes stay allowed (card colours are data), style
 * elements do not. HSTS only over TLS, directly or through a trusted proxy (quarkus.http.proxy.*), so that plain-HTTP
 * development is never locked out. Also: GET /logout does not sign out (see {@link #install}).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data: https://mmbiz.qpic.cn http://mmbiz.qpic.cn; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** Before authentication (a Vert.x filter at order -200), so that its redirects carry the headers too. */
    static final int BEFORE_AUTHENTICATION = -1000;

    void install(@Observes Router router) {
        router.route().order(BEFORE_AUTHENTICATION).handler(this::addHeaders);
        // Signing out changes state: only a POST (the layout's button) may, never a link or an image tag.
        router.get("/logout").order(BEFORE_AUTHENTICATION + 1).handler(context -> context.response().setStatusCode(405)
                .putHeader("Allow", "POST").putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("Sign out with the button on the page (POST /logout)."));
    }

    void addHeaders(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ignored -> {
            response.headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.headers().set("X-Content-Type-Options", "nosniff");
            response.headers().set("X-Frame-Options", "DENY");
            response.headers().set("Referrer-Policy", "same-origin");
            if ("https".equals(request.scheme())) {
                response.headers().set("Strict-Transport-Security", "max-age=31536000");
                // Our own cookies (language, flash); the OIDC session cookies are marked by Quarkus itself.
                List<String> cookies = response.headers().getAll("Set-Cookie");
                if (cookies.stream().anyMatch(c -> !c.toLowerCase(Locale.ROOT).contains("; secure"))) {
                    response.headers().remove("Set-Cookie");
                    cookies.forEach(c -> response.headers().add("Set-Cookie",
                            c.toLowerCase(Locale.ROOT).contains("; secure") ? c : c + "; Secure"));
                }
            }
        });
        context.next();
    }
}
