package io.kaquan.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Statistics settings (kaquan.stats.*). */
@ConfigMapping(prefix = "kaquan.stats")
public interface StatsConfig {

    /** Dev mode: give the demo tenant cards, simulated user activity in the sandbox and synced statistics. */
    @WithDefault("true")
    boolean demoEnabled();

    /** How many past days of activity the demo simulates at its first start. */
    @WithDefault("21")
    int demoDays();
}
