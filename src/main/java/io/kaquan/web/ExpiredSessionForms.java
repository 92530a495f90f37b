package io.kaquan.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.logging.Log;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A form posted after the session ended is never lost silently. Left to the login, the post would be forgotten and the
 * sign-in would come back to the form's action with a GET (a 405). Instead, before the login sees the post, its values
 * go into the flash with a plain message and the browser is sent back to the page that held the form; signing in
 * there again shows the form refilled. Nothing runs before the user submits again. Secrets are not kept.
 */
@ApplicationScoped
public class ExpiredSessionForms {

    /** After CORS (a foreign Origin is refused first), before authentication (which would start the login). */
    static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 50;

    /** The OIDC session cookie ({@code q_session}, or its chunks {@code q_session_chunk_N}). */
    private static final String SESSION_COOKIE = "q_session";
    /** Like quarkus.http.limits.max-form-attribute-size: a larger body is not read, only answered. */
    private static final int MAX_BODY = 64 * 1024;
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "callbacktoken", "aeskey", "password");
    private static final Set<String> MACHINE_ROUTES = Set.of("/wechat/", "/sandbox/wechat/", "/sandbox/admin/",
            "/logout");

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::keepForm, PRIORITY);
    }

    void keepForm(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.POST || hasSession(context) || machineRoute(request.path())
                || !fromThisSite(request)) {
            context.next();
            return;
        }
        String back = formPage(request);
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        boolean readable = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && length != null && length.matches("\\d{1,9}") && Integer.parseInt(length) <= MAX_BODY;
        if (!readable) {
            sendBack(context, back, Map.of());
            return;
        }
        request.body().onSuccess(body -> sendBack(context, back, fields(body)))
                .onFailure(failure -> sendBack(context, back, Map.of()));
        request.resume(); // Quarkus pauses a request until a reader asks for its body
    }

    /** 303 to the form's page, whose login then returns there; the flash refills the form or says nothing was kept. */
    private void sendBack(RoutingContext context, String back, Map<String, String> values) {
        Msg msg = MessageBundles.get(Msg.class,
                Localized.Literal.of(RequestLocale.of(context.request().getCookie(RequestLocale.COOKIE)).toLanguageTag()));
        String flash = FlashFilter.encode(json,
                new Flash.Data("error", msg.sessionExpiredFormKept(), values, Map.of(), Map.of()));
        if (values.isEmpty() || flash.length() > FlashFilter.MAX_COOKIE) {
            flash = FlashFilter.encode(json,
                    new Flash.Data("error", msg.sessionExpiredNothingSaved(), Map.of(), Map.of(), Map.of()));
        }
        Log.infof("A form posted to %s after the session ended was sent back to %s", context.request().path(), back);
        context.response().addCookie(Cookie.cookie(FlashFilter.COOKIE, flash).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure("https".equals(context.request().scheme())));
        context.response().setStatusCode(303).putHeader(HttpHeaderNames.LOCATION, back)
                .putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store").end();
    }

    private static boolean hasSession(RoutingContext context) {
        return context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
    }

    private static boolean machineRoute(String path) {
        return path == null || MACHINE_ROUTES.stream().anyMatch(path::startsWith);
    }

    /** The same rule as {@link CsrfFilter}: another site must not be able to fill our forms in a user's browser. */
    private static boolean fromThisSite(HttpServerRequest request) {
        URI self = self(request);
        if (self == null) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = request.getHeader(HttpHeaderNames.ORIGIN);
        return CsrfFilter.sameOrigin(origin != null ? origin : request.getHeader(HttpHeaderNames.REFERER), self);
    }

    /**
     * The request's own URI, or null when {@link URI} cannot read it: Vert.x accepts targets such as {@code /a|b} or
     * {@code %zz} that {@link URI#create} refuses, and such a request is simply not from this site.
     */
    private static URI self(HttpServerRequest request) {
        try {
            return URI.create(request.absoluteURI());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** The page the form was on (the same-origin Referer), else the start page. */
    private static String formPage(HttpServerRequest request) {
        String referer = request.getHeader(HttpHeaderNames.REFERER);
        URI self = self(request);
        if (referer != null && self != null && CsrfFilter.sameOrigin(referer, self)) {
            URI uri = URI.create(referer);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
        return "/";
    }

    /** The form's fields (the first value of each), without secrets; none when the body is not meant text. */
    private static Map<String, String> fields(Buffer body) {
        String raw = body.toString(StandardCharsets.UTF_8);
        if (!MeantText.isMeantUrlEncoded(raw)) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters().forEach((name, list) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!list.isEmpty() && SECRET_FIELDS.stream().noneMatch(lower::contains)) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }
}
