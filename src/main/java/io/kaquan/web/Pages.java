package io.kaquan.web;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;

/** The end of every successful POST: a 303 redirect to a page (Post/Redirect/Get). */
public final class Pages {

    private Pages() {
    }

    public static <T> RestResponse<T> seeOther(String path) {
        return RestResponse.seeOther(URI.create(path));
    }
}
