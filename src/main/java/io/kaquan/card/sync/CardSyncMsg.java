package io.kaquan.card.sync;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the card status sync on the sync pages. Chinese here, English in cardSyncMsg_en. */
@MessageBundle(value = "cardSyncMsg", locale = "zh-CN")
public interface CardSyncMsg {

    @Message("卡券状态同步")
    String label();

    @Message("立即同步卡券状态")
    String runNow();

    @Message("按状态批量拉取卡券列表，只对新卡券、状态变化和长期未刷新的卡券读取详情。")
    String runNowHelp();

    @Message("卡券状态已同步：{summary}（微信调用 {calls} 次）")
    String done(String summary, int calls);

    @Message("共 {cards} 张卡券，新发现 {discovered} 张，状态变化 {changed} 张，已删除 {deleted} 张，读取详情 {details} 次")
    String summary(int cards, int discovered, int changed, int deleted, int details);

    @Message("，读取详情失败 {failures} 次")
    String summaryFailures(int failures);
}
