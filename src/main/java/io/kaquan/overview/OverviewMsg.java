package io.kaquan.overview;

import java.time.LocalDate;

import io.kaquan.jobs.SyncRun;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the merchant's overview and the test push. Chinese here, English in overviewMsg_en. */
@MessageBundle(value = "overviewMsg", locale = "zh-CN")
public interface OverviewMsg {

    // Today

    @Message("今天和昨天")
    String liveTitle();

    @Message("根据微信推送和 Kaquan 的核销记录统计（北京时间），随时更新。")
    String liveIntro();

    @Message("实时")
    String liveBadge();

    @Message("今天")
    String today();

    @Message("昨天")
    String yesterday();

    @Message("领取")
    String received();

    @Message("核销")
    String consumed();

    @Message("微信数据统计（{day}）")
    String statsTitle(LocalDate day);

    @Message("微信每天上午提供前一天的统计（T+1），可能与上面的实时数字略有不同。")
    String statsIntro();

    @Message("浏览")
    String statsViews();

    @Message("领取")
    String statsReceived();

    @Message("核销")
    String statsVerified();

    @Message("转赠")
    String statsGiven();

    @Message("昨天的统计还没有同步过来。")
    String statsNone();

    @Message("查看数据统计")
    String statsLink();

    // Cards

    @Message("需要关注的卡券")
    String cardsTitle();

    @Message("所有卡券都正常，没有需要处理的事项。")
    String cardsNone();

    @Message("审核中（{count}）")
    String inReview(int count);

    @Message("微信审核通常在一个工作日内完成，结果会自动更新。")
    String inReviewHelp();

    @Message("审核未通过（{count}）")
    String refused(int count);

    @Message("微信给出的原因：")
    String refusedReason();

    @Message("微信没有说明原因。")
    String refusedNoReason();

    @Message("修改后重新提交")
    String refusedFix();

    @Message("库存不足（剩余不到 {percent}%）")
    String lowStock(int percent);

    @Message("剩余 {quantity} / {total}（{percent}%）")
    String lowStockFigures(Integer quantity, Integer total, int percent);

    @Message("增加库存")
    String addStock();

    @Message("即将过期（{days} 天内）")
    String expiring(int days);

    @Message("{date} 到期")
    String expiresOn(String date);

    @Message("卡券列表")
    String allCards();

    // Trouble

    @Message("需要处理的问题")
    String troubleTitle();

    @Message("微信拒绝了本账号的调用：")
    String credentialProblem();

    @Message("怎么办：")
    String whatToDo();

    @Message("部分微信接口今天的调用次数已用完，北京时间 0 点后恢复；在此之前，用到这些接口的操作和同步会暂停。")
    String quotaHelp();

    @Message("去设置")
    String toSettings();

    @Message("同步失败：{job}（{when}）")
    String jobFailing(String job, String when);

    @Message("Kaquan 会按计划自动重试；问题持续时，请在「同步任务」中查看详情，或手动「立即同步」。")
    String jobFailingHelp();

    @Message("查看同步任务")
    String toSync();

    @Message
    String result(SyncRun.State state);

    // First run

    @Message("开始使用（已完成 {done}/{total}）")
    String stepsTitle(long done, int total);

    @Message("已完成")
    String stepDone();

    @Message("待完成")
    String stepTodo();

    /** A step's name: keys step_$CONSTANT. */
    @Message
    String step(FirstRunStep step);

    /** What a step means: keys stepHelp_$CONSTANT. */
    @Message
    String stepHelp(FirstRunStep step);

    // Account

    @Message("账号")
    String accountTitle();

    @Message("技术信息（令牌、接口调用）")
    String technicalLink();

    // Test push

    @Message("测试推送已发出，正在等待 Kaquan 收到它。")
    String testPushSent();

    @Message("无法让沙箱发送测试推送：沙箱暂时不可用，请稍后再试。")
    String testPushNotSent();

    @Message("只有沙箱账号可以从这里发送测试推送；正式账号请在微信公众平台的「服务器配置」中提交，以验证回调。")
    String testPushRealOnly();

    @Message("正在等待测试推送到达…")
    String testPushWaiting();

    @Message("回调可用：Kaquan 在 {at} 收到并解密了测试推送。")
    String testPushArrived(String at);

    @Message("20 秒内没有收到测试推送。请检查沙箱控制台里这个账号的推送记录（失败原因会写在那里），然后再试一次。")
    String testPushMissing();
}
