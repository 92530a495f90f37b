package io.kaquan.wechat;

/** The days of advanced_info.time_limit, as WeChat names them (its {@code type}); HOLIDAY is public holidays. */
public enum TimeLimitDay {
    MONDAY,
    TUESDAY,
    WEDNESDAY,
    THURSDAY,
    FRIDAY,
    SATURDAY,
    SUNDAY,
    HOLIDAY
}
