package io.kaquan.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.kaquan.wechat.WeChatTime;
import io.quarkus.qute.TemplateExtension;

/** Instants are stored in UTC and shown in China's time, as WeChat and merchants count it. */
@TemplateExtension
public class TimeTexts {

    /** Alias of {@link WeChatTime#ZONE} for callers not yet moved to it (card, callback). */
    public static final ZoneId SHANGHAI = WeChatTime.ZONE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);

    static String shanghai(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
