package io.kaquan.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.vertx.core.http.HttpServerRequest;

/** What every template may use without being handed it: the flash of this request and its language. */
@TemplateGlobal
public class WebGlobals {

    static Flash flash() {
        return Arc.container().instance(Flash.class).get();
    }

    static boolean english() {
        return Arc.container().instance(RequestLocale.class).get().isEnglish();
    }

    /** This page's path and query, for forms that come back here (the language switch). */
    static String requestPath() {
        return Arc.container().instance(HttpServerRequest.class).get().uri();
    }

    /**
     * The section of the account this page belongs to ("/cards", "/events"…, "" on the overview), so that the account
     * switcher opens the same section of the other account. Only sections every account has; never an id.
     */
    static String tenantSection() {
        Matcher section = TENANT_SECTION.matcher(Arc.container().instance(HttpServerRequest.class).get().path());
        return section.find() ? section.group(1) : "";
    }

    private static final Pattern TENANT_SECTION = Pattern
            .compile("^/t/[^/]+(/(?:cards|counter|codes|stats|events|sync|settings|members|audit))(?:/|$)");

    static String langTag() {
        return Arc.container().instance(RequestLocale.class).get().tag();
    }
}
