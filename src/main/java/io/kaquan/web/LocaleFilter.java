package io.kaquan.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Makes the chosen language the one Qute renders pages and message bundles in. */
public class LocaleFilter {

    @ServerRequestFilter(preMatching = true)
    public void chooseLanguage(ContainerRequestContext request) {
        var cookie = request.getCookies().get(RequestLocale.COOKIE);
        String language = cookie != null && "en".equals(cookie.getValue()) ? "en" : "zh-CN";
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
}
