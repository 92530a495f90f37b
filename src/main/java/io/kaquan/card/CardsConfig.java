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
}
