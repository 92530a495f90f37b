package io.kaquan.jobs;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the sync pages. Chinese here, English in syncMsg_en. */
@MessageBundle(value = "syncMsg", locale = "zh-CN")
public interface SyncMsg {

    @Message("同步")
    String title();

    @Message("Kaquan 定时从微信读取卡券状态和统计数据，即使错过了事件推送（账号晚接入、故障、在公众平台创建的卡券），本地数据也与微信一致。每次运行都会记录。")
    String intro();

    @Message("任务")
    String job();

    @Message("计划")
    String schedule();

    @Message("上次运行")
    String lastRun();

    @Message("下次运行")
    String nextRun();

    @Message("结果")
    String result();

    @Message("微信调用")
    String calls();

    @Message("说明")
    String details();

    @Message("开始")
    String startedAt();

    @Message("耗时")
    String duration();

    @Message("节点")
    String node();

    @Message("触发")
    String trigger();

    @Message("手动")
    String manual();

    @Message("定时")
    String scheduled();

    @Message("未计划")
    String notScheduled();

    @Message("从未运行")
    String never();

    @Message("暂停至 {at}（当日接口配额已用完）")
    String pausedUntil(String at);

    @Message("最近运行")
    String recentRuns();

    @Message("还没有运行记录。")
    String noRuns();

    @Message("同步未完成（{result}）：{summary}")
    String syncNotDone(String result, String summary);

    @Message("立即运行：{job}")
    String runNow(String job);

    @Message("{job}已完成：{summary}（微信调用 {calls} 次）")
    String jobDone(String job, String summary, int calls);

    @Message("没有这个任务。")
    String noSuchJob();

    @Message("这个任务正在运行中，请稍后刷新页面查看结果。")
    String syncRunning();

    @Message("刚刚已同步过，请 {seconds} 秒后再试。")
    String syncTooSoon(long seconds);

    @Message("凭据有问题，暂不同步：{detail}")
    String credentialProblem(String detail);

    /** The token sweep (not a tenant job: one run across tenants). */
    @Message("令牌续期")
    String tokenJob();

    // Schedules in words (Cadence); the cron itself only as a tooltip

    @Message("{schedule}，各账号错开 {spread}")
    String scheduleSpread(String schedule, String spread);

    @Message("{#if hours == 1}每小时{#else}每 {hours} 小时{/if}")
    String everyHours(int hours);

    @Message("{#if minutes == 1}每分钟{#else}每 {minutes} 分钟{/if}")
    String everyMinutes(int minutes);

    @Message("每天 {time}（{zone}）")
    String dailyAt(String time, String zone);

    @Message("北京时间")
    String beijingTime();

    @Message("自定义计划")
    String customSchedule();

    @Message("{n} 小时")
    String hours(long n);

    @Message("{n} 分钟")
    String minutes(long n);

    @Message("{n} 秒")
    String seconds(long n);

    /** A run's state in words: keys runResult_CONSTANT, Chinese in syncMsg_zh-CN, English in syncMsg_en. */
    @Message
    String runResult(SyncRun.State state);

    // Agency overview

    @Message("同步概览")
    String overviewTitle();

    @Message("您有权查看的公众号中，最近一次同步失败、配额用完或凭据有问题的账号。")
    String overviewIntro();

    @Message("所有公众号（平台管理员）")
    String overviewAll();

    @Message("公众号")
    String tenant();

    @Message("一切正常：没有同步失败的公众号。")
    String overviewNone();

    @Message("{failing} / {total} 个公众号需要关注")
    String overviewCount(int failing, int total);

    @Message("凭据问题")
    String credentialProblemShort();

    @Message("所有公众号的同步概览")
    String overviewLink();
}
