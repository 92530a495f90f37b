package io.kaquan.web;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The language of this request: the visitor's choice (a cookie), otherwise Chinese. */
@RequestScoped
public class RequestLocale {

    public static final String COOKIE = "kaquan-lang";
    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @Inject
    HttpServerRequest request;

    public Locale locale() {
        return of(request.getCookie(COOKIE));
    }

    public String tag() {
        return locale().toLanguageTag();
    }

    public boolean isEnglish() {
        return "en".equals(locale().getLanguage());
    }

    static Locale of(Cookie cookie) {
        return cookie != null && "en".equals(cookie.getValue()) ? Locale.ENGLISH : CHINESE;
    }

    /** Only the languages we have bundles for; anything else falls back to Chinese. */
    public static String supportedTag(String value) {
        return "en".equalsIgnoreCase(value) ? "en" : "zh-CN";
    }
}
