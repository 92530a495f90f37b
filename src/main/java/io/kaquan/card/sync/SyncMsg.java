package io.kaquan.card.sync;

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

    @Message("{cron}，各账号错开 {spread}")
    String cronSpread(String cron, String spread);

    @Message("最近运行")
    String recentRuns();

    @Message("还没有运行记录。")
    String noRuns();

    @Message("立即同步卡券状态")
    String syncNow();

    @Message("按状态批量拉取卡券列表，只对新卡券、状态变化和长期未刷新的卡券读取详情。")
    String syncNowHelp();

    @Message("卡券状态已同步：{summary}（微信调用 {calls} 次）")
    String syncDone(String summary, int calls);

    @Message("同步未完成（{result}）：{summary}")
    String syncNotDone(String result, String summary);

    @Message("立即运行：{job}")
    String syncNowJob(String job);

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

    @Message("共 {cards} 张卡券，新发现 {discovered} 张，状态变化 {changed} 张，已删除 {deleted} 张，读取详情 {details} 次")
    String cardSummary(int cards, int discovered, int changed, int deleted, int details);

    @Message("，读取详情失败 {failures} 次")
    String cardSummaryFailures(int failures);

    // Jobs

    @Message("卡券状态同步")
    String job_cardStatus();

    @Message("统计数据同步")
    String job_stats();

    @Message("令牌续期")
    String job_tokens();

    // Results

    @Message("运行中")
    String result_RUNNING();

    @Message("成功")
    String result_OK();

    @Message("部分成功")
    String result_PARTIAL();

    @Message("跳过")
    String result_SKIPPED();

    @Message("配额用完")
    String result_QUOTA();

    @Message("失败")
    String result_FAILED();

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
