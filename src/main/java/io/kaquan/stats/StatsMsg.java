package io.kaquan.stats;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the statistics dashboard and export. Chinese here, English in statsMsg_en. */
@MessageBundle(value = "statsMsg", locale = "zh-CN")
public interface StatsMsg {

    @Message("数据统计")
    String statsTitle();

    @Message("微信每天凌晨（北京时间）提供前一天的卡券数据，今天的数据明天才能看到。")
    String statsIntro();

    /** The statistics sync on the sync pages. */
    @Message("统计数据同步")
    String syncJob();

    @Message("开始日期")
    String filterFrom();

    @Message("结束日期")
    String filterTo();

    @Message("卡券")
    String filterCard();

    @Message("全部卡券（整个公众号）")
    String allCards();

    @Message("查看")
    String apply();

    @Message("搜索卡券名称或卡券 ID")
    String cardSearch();

    @Message("搜索")
    String cardSearchButton();

    @Message("列出最新的 {size} 张卡券；其他卡券请按名称或卡券 ID 搜索。")
    String cardPickerMore(int size);

    @Message("没有名称或卡券 ID 匹配“{text}”的卡券。")
    String cardPickerNone(String text);

    @Message("导出 CSV")
    String exportCsv();

    /** A metric in words: {statsMsg:metric(m)} in templates (Qute picks metric_VIEW…). */
    @Message
    String metric(Metric metric);

    @Message("{metric}次数")
    String timesOf(String metric);

    @Message("{metric}人数")
    String peopleOf(String metric);

    @Message("次数")
    String times();

    @Message("人数")
    String people();

    @Message("日期")
    String colDay();

    @Message("合计")
    String total();

    @Message("每日次数")
    String chartTimes();

    @Message("每日人数")
    String chartPeople();

    @Message("每日数据")
    String tableCaption();

    @Message("合计")
    String totalsTitle();

    @Message("合计中的人数是每日人数之和：同一个人在不同日期会被重复计算。")
    String peopleNote();

    @Message("所选日期内没有统计数据。")
    String empty();

    @Message("数据已同步至 {day}。")
    String syncedThrough(java.time.LocalDate day);

    @Message("尚未同步过统计数据：首次同步会补齐最近 90 天。")
    String neverSynced();

    @Message("同步记录")
    String syncRuns();

    @Message("今日接口调用次数已用完（45009），明天自动继续同步。")
    String quotaStopped();

    @Message("请输入 YYYY-MM-DD 格式的日期，例如 2026-01-31。")
    String dateInvalid();

    @Message("开始日期不能晚于结束日期。")
    String rangeReversed();

    @Message("一次最多查看 {max} 天。")
    String rangeTooLong(int max);

    @Message("{from} 至 {to}")
    String rangeLabel(java.time.LocalDate from, java.time.LocalDate to);

    @Message("会员卡")
    String memberCardsTitle();

    @Message("激活人数")
    String memberActive();

    @Message("有效会员总人数（{day}）")
    String memberTotal(java.time.LocalDate day);

    @Message("历史领取会员卡总人数（{day}）")
    String memberTotalReceived(java.time.LocalDate day);

    @Message("统计图表")
    String chartLabel();

    @Message("同一段日期内每个渠道的领取，来自微信的领取推送，当天就有（上面的数字是微信次日才给的统计）。")
    String channelsIntro();
}
