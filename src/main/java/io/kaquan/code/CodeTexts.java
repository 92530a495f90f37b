package io.kaquan.code;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/**
 * A value for a query string in templates ({code.urlEncoded}): codes may hold any character but spaces. Words of enums
 * come from {@link CodeMsg} (Qute's enum support), not from here. Also used by the card's page; it belongs in
 * {@code web} once no feature defines its own.
 */
@TemplateExtension
public class CodeTexts {

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
