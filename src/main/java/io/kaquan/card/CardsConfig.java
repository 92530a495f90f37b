package io.kaquan.card;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Card management pages (kaquan.cards.*). */
@ConfigMapping(prefix = "kaquan.cards")
public interface CardsConfig {

    /** Cards per page of the card list. */
    @WithDefault("50")
    int pageSize();

    /**
     * How long after an unanswered card/modifystock WeChat may still apply it. Until then a card/get that shows the
     * stock unchanged leaves the change uncertain; afterwards it is failed. Keep it above kaquan.wechat.read-timeout.
     */
    @WithDefault("60s")
    Duration stockSettleTime();

    /**
     * How old the last card/get of a card may be before opening its page reads card/get once more (at most once per
     * this period and card on a node), correcting what the pushes missed (e.g. stock changed in the MP console).
     */
    @WithDefault("10m")
    Duration stockCheckAfter();

    /** How often an open card page and the card list ask for their cards' status and stock again (whole seconds). */
    @WithDefault("10s")
    Duration liveRefresh();
}
