package io.kaquan.web;

import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;

/**
 * Texts that may hold an operation's UUID (audit targets and details), shown with its first eight digits only
 * ({text.shortIds}): enough to tell operations apart and ask support, without a 36-character code on the page.
 */
@TemplateExtension
public class ShortIds {

    private static final Pattern UUID = Pattern
            .compile("\\b([0-9a-fA-F]{8})-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

    static String shortIds(String text) {
        return text == null ? "" : UUID.matcher(text).replaceAll("$1");
    }
}
