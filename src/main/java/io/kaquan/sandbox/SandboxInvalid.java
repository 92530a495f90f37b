package io.kaquan.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input the sandbox console or admin API refused: field → message (already in the wanted language). */
public class SandboxInvalid extends RuntimeException {

    private final Map<String, String> errors;
    private final boolean conflict;

    public SandboxInvalid(Map<String, String> errors) {
        this(errors, false);
    }

    /** @param conflict the input is well-formed but clashes with existing data (an appid already used) */
    public SandboxInvalid(Map<String, String> errors, boolean conflict) {
        super("Invalid sandbox input: " + errors.keySet());
        this.errors = new LinkedHashMap<>(errors);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
