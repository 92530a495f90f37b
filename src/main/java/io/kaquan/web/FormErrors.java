package io.kaquan.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field errors of one form, each a message already in the visitor's language. */
public final class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records the first error of a field; later ones for the same field would only repeat the problem. */
    public FormErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(errors);
    }

    @Override
    public String toString() {
        return errors.toString();
    }
}
