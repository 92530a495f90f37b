package io.kaquan.card.sync;

import java.time.Duration;
import java.util.List;

import io.kaquan.wechat.CardStatus;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The card status sync (kaquan.jobs.card-status.*); its schedule is kaquan.jobs.tenant."card-status".*. */
@ConfigMapping(prefix = "kaquan.jobs.card-status")
public interface CardStatusConfig {

    /**
     * The statuses asked for with card/batchget (one listing each, at least one call even when empty). Not DELETE:
     * deleted cards pile up for ever, so their listing would cost ever more pages that tell nothing new; a card the
     * mirror knows that WeChat deleted leaves its listing and is read with card/get, as it would be from that list.
     */
    @WithDefault("NOT_VERIFY,VERIFY_FAIL,VERIFY_OK,DISPATCH")
    List<CardStatus> statuses();

    /** card/get again for a card whose status did not change once its copy is this old. */
    @WithDefault("7d")
    Duration refreshAfter();

    /** card/get calls per run at most (new and changed cards first); the rest wait for the next run. */
    @WithDefault("200")
    int maxDetails();
}
