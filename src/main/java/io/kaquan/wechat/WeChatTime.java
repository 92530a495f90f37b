package io.kaquan.wechat;

import java.time.LocalDate;
import java.time.ZoneId;

import io.kaquan.web.TimeTexts;

/** WeChat counts days, dates and quotas in China's time; instants are stored in UTC and converted at the edges. */
public final class WeChatTime {

    /** Asia/Shanghai: WeChat's day (card dates, datacube days, the daily API quota). */
    public static final ZoneId ZONE = TimeTexts.SHANGHAI;

    private WeChatTime() {
    }

    /** WeChat's today. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
