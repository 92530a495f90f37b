package io.kaquan.card.wizard;

import java.util.Map;

/** The wizard refused a step or a submission: field errors (or a message) to show on the given step. */
public class WizardRefused extends RuntimeException {

    private final WizardStep step;
    private final Map<String, String> errors;

    public WizardRefused(WizardStep step, Map<String, String> errors, String message) {
        super(message);
        this.step = step;
        this.errors = errors;
    }

    public WizardStep step() {
        return step;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
