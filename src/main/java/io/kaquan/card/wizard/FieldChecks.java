package io.kaquan.card.wizard;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.wechat.CardVocabulary;

/** Reads and checks the values of one draft, collecting the first error of each field (for {@link CardForm}). */
final class FieldChecks {

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

    final Map<String, String> data;
    final WizardMsg msg;
    final Map<String, String> errors = new LinkedHashMap<>();

    FieldChecks(Map<String, String> data, WizardMsg msg) {
        this.data = data;
        this.msg = msg;
    }

    String v(String name) {
        String value = data.get(name);
        return value == null ? "" : value.strip();
    }

    boolean on(String name) {
        return "true".equals(v(name)) || "on".equals(v(name));
    }

    void fail(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    void required(String field) {
        if (v(field).isEmpty()) {
            fail(field, msg.errRequired());
        }
    }

    void text(String field, boolean required) {
        if (required) {
            required(field);
        }
        int max = CardVocabulary.BYTE_LIMITS.get(field);
        if (CardForm.bytes(v(field)) > max) {
            fail(field, msg.errTooLong(max, max / 3));
        }
    }

    Long yuan(String field, boolean required) {
        if (v(field).isEmpty()) {
            if (required) {
                fail(field, msg.errRequired());
            }
            return null;
        }
        Long fen = CardForm.fen(v(field));
        if (fen == null) {
            fail(field, msg.errAmount());
        }
        return fen;
    }

    void count(String field, boolean required, long min, long max) {
        String value = v(field);
        if (value.isEmpty()) {
            if (required) {
                fail(field, msg.errRequired());
            }
            return;
        }
        if (!COUNT.matcher(value).matches() || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            fail(field, msg.errRange(min, max));
        }
    }

    LocalDate date(String field, boolean required) {
        if (v(field).isEmpty()) {
            if (required) {
                fail(field, msg.errRequired());
            }
            return null;
        }
        try {
            return LocalDate.parse(v(field));
        } catch (DateTimeParseException e) {
            fail(field, msg.errDate());
            return null;
        }
    }

    LocalTime time(String field) {
        if (v(field).isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(v(field));
        } catch (DateTimeParseException e) {
            if (msg != null) {
                fail(field, msg.errTime());
            }
            return null;
        }
    }

    void optional(ObjectNode node, String field) {
        if (!v(field).isEmpty()) {
            node.put(field, v(field));
        }
    }
}
