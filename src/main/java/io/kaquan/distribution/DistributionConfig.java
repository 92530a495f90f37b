package io.kaquan.distribution;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Getting cards to customers (kaquan.distribution.*). */
@ConfigMapping(prefix = "kaquan.distribution")
public interface DistributionConfig {

    /**
     * OpenIDs, and WeChat ids, the test whitelist may hold (each). ⚠ WeChat does not document the limit; the sandbox
     * allows 10.
     */
    @WithDefault("10")
    int whitelistMax();

    /** The sizes, in pixels, a QR code's PNG is offered in (the first is the one shown on the page). */
    @WithDefault("258,430,860,1280")
    List<Integer> qrSizes();

    /** How long after an unanswered card/code/deposit WeChat may still apply it; until then checkcode decides nothing. */
    @WithDefault("60s")
    Duration depositSettleTime();
}
