package io.kaquan.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Instants are stored in UTC and shown in China's time, as WeChat and merchants count it. */
@TemplateExtension
public class TimeTexts {

    /** China's time (Asia/Shanghai), in which merchants read times; WeChat's own day, {@code WeChatTime.ZONE}, is this. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);

    static String shanghai(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
