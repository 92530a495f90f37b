package io.kaquan.card.wizard;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The card creation wizard (kaquan.wizard.*). */
@ConfigMapping(prefix = "kaquan.wizard")
public interface WizardConfig {

    /**
     * After a card/create whose outcome is unknown, how long a card not (yet) found in WeChat is still expected to
     * appear; only after it may the draft be sent again.
     */
    @WithDefault("2m")
    Duration reconcileGrace();

    /** At most this many card/get reads when looking for the card of an unknown outcome. */
    @WithDefault("50")
    int reconcileReads();
}
