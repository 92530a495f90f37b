package io.kaquan.overview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The merchant's overview: when a card counts as running out or expiring soon. */
@ConfigMapping(prefix = "kaquan.overview")
public interface OverviewConfig {

    /** A card that can be handed out is low on stock below this share (percent) of its total stock. */
    @WithDefault("10")
    int lowStockPercent();

    /** A card whose fixed validity ends within this many days is listed as expiring soon. */
    @WithDefault("7")
    int expiringDays();
}
