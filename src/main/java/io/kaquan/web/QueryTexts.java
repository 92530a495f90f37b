package io.kaquan.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** A value for a query string in templates ({code.urlEncoded}): codes, card ids and openids may hold any character. */
@TemplateExtension
public class QueryTexts {

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
