package io.kaquan.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

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
        return Arc.container().instance(io.vertx.core.http.HttpServerRequest.class).get().uri();
    }

    static String langTag() {
        return Arc.container().instance(RequestLocale.class).get().tag();
    }
}
