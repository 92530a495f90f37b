package io.kaquan.code;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The counter's code operations (kaquan.codes.*). */
@ConfigMapping(prefix = "kaquan.codes")
public interface CodesConfig {

    /**
     * How long after an unanswered code/unavailable or code/update WeChat may still carry it out. Until then a code/get
     * that shows the code unchanged leaves the operation unknown; afterwards it is settled as not applied. Keep it
     * above kaquan.wechat.read-timeout.
     */
    @WithDefault("60s")
    Duration settleTime();
}
