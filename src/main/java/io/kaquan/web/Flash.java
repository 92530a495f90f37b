package io.kaquan.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What one request tells the next after a redirect (Post/Redirect/Get): a message, the submitted form values and
 * the field errors of a failed form, and secrets shown exactly once. Travels in a short-lived cookie.
 */
@Named("flash") // tags are isolated from the page's data, so they reach the flash as {inject:flash}
@RequestScoped
public class Flash {

    /** What the previous request left for this one. */
    private Data incoming = Data.EMPTY;
    /** What this request leaves for the next one. */
    private Data outgoing = Data.EMPTY;

    public record Data(String level, String message, Map<String, String> values, Map<String, String> errors,
            Map<String, String> reveal) {

        static final Data EMPTY = new Data(null, null, Map.of(), Map.of(), Map.of());

        boolean isEmpty() {
            return message == null && values.isEmpty() && errors.isEmpty() && reveal.isEmpty();
        }
    }

    // Methods, not fields, for the filter: it holds a CDI client proxy, whose own fields are always empty.

    void receive(Data data) {
        incoming = data;
    }

    Data outgoing() {
        return outgoing;
    }

    // An operation's UUID in a message is shortened to its first eight digits (ShortIds): people read these.

    public void success(String message) {
        outgoing = new Data("success", ShortIds.shortIds(message), outgoing.values, outgoing.errors, outgoing.reveal);
    }

    public void error(String message) {
        outgoing = new Data("error", ShortIds.shortIds(message), outgoing.values, outgoing.errors, outgoing.reveal);
    }

    /** Fills the next page's form with these values (a step that prepares a form without saving it). */
    public void fill(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(outgoing.values);
        all.putAll(values);
        outgoing = new Data(outgoing.level, outgoing.message, all, outgoing.errors, outgoing.reveal);
    }

    /** Keeps a failed form's values and errors so that the form shows them again after the redirect. */
    public void formFailed(String message, FormErrors errors, Map<String, String> values) {
        outgoing = new Data("error", message, new LinkedHashMap<>(values), errors.asMap(), outgoing.reveal);
    }

    /** Shows a secret once, on the next page only. */
    public void reveal(String name, String secret) {
        Map<String, String> reveal = new LinkedHashMap<>(outgoing.reveal);
        reveal.put(name, secret);
        outgoing = new Data(outgoing.level, outgoing.message, outgoing.values, outgoing.errors, reveal);
    }

    // Read by templates

    public String message() {
        return incoming.message;
    }

    public String level() {
        return incoming.level;
    }

    /** The value submitted for a field before the redirect, or the given current value. */
    public String value(String field, Object current) {
        String kept = incoming.values.get(field);
        if (kept != null) {
            return kept;
        }
        return current == null ? "" : current.toString();
    }

    public String value(String field) {
        return value(field, null);
    }

    public String errorOf(String field) {
        return incoming.errors.get(field);
    }

    public boolean hasErrors() {
        return !incoming.errors.isEmpty();
    }

    public String revealed(String name) {
        return incoming.reveal.get(name);
    }

    public boolean hasRevealed() {
        return !incoming.reveal.isEmpty();
    }
}
