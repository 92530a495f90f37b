package io.kaquan.web;

import java.util.Map;

/**
 * A use case refused its input. Pages turn it into a redirect back to the form, with the values and errors kept.
 */
public class InvalidFormException extends RuntimeException {

    private final FormErrors errors;
    private final Map<String, String> values;

    public InvalidFormException(FormErrors errors, Map<String, String> values) {
        super("Invalid form: " + errors.asMap().keySet());
        this.errors = errors;
        this.values = values;
    }

    public FormErrors errors() {
        return errors;
    }

    public Map<String, String> values() {
        return values;
    }
}
