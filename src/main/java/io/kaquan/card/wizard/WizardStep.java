package io.kaquan.card.wizard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The steps of the wizard, in order; each owns the form fields it posts. */
public enum WizardStep {
    TYPE,
    FACE,
    DETAILS,
    RULES,
    STORES,
    ENTRIES,
    ADVANCED,
    REVIEW;

    /** As in URLs: /t/{t}/cards/new/{draft}/face. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int number() {
        return ordinal() + 1;
    }

    public static Optional<WizardStep> of(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }

    public WizardStep next() {
        return this == REVIEW ? REVIEW : values()[ordinal() + 1];
    }

    public WizardStep previous() {
        return this == TYPE ? TYPE : values()[ordinal() - 1];
    }
}
