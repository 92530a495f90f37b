package io.kaquan.web;

import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Moves {@link Flash} data through a cookie from one request to the next. */
public class FlashFilter {

    static final String COOKIE = "kaquan-flash";
    /** Browsers keep cookies up to 4 KB; beyond that the form values are dropped, the message is kept. */
    static final int MAX_COOKIE = 3800;

    @Inject
    Flash flash;

    @Inject
    ObjectMapper json;

    @ServerRequestFilter
    public void readFlash(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cookie.getValue());
            Flash.Data data = json.readValue(bytes, Flash.Data.class);
            flash.receive(new Flash.Data(data.level(), data.message(), orEmpty(data.values()),
                    orEmpty(data.errors()), orEmpty(data.reveal())));
        } catch (Exception e) {
            Log.debugf("Ignored an unreadable flash cookie: %s", e.getMessage());
        }
    }

    @ServerResponseFilter
    public void writeFlash(ContainerRequestContext request, ContainerResponseContext response) {
        Flash.Data outgoing = flash.outgoing();
        if (!outgoing.isEmpty()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(encode(json, outgoing), -1));
        } else if (request.getCookies().containsKey(COOKIE) && response.getStatus() < 300) {
            // The page that showed the flash has been rendered: forget it.
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie("", 0));
        }
    }

    /** The cookie value of a flash; a form too large for a cookie loses its values, never its message. */
    static String encode(ObjectMapper json, Flash.Data data) {
        try {
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(data));
            if (value.length() > MAX_COOKIE) {
                Flash.Data small = new Flash.Data(data.level(), data.message(), Map.of(), data.errors(), data.reveal());
                value = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(small));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
