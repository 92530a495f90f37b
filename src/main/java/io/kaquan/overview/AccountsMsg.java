package io.kaquan.overview;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the cross-account overview. Chinese here, English in accountsMsg_en. */
@MessageBundle(value = "accountsMsg", locale = "zh-CN")
public interface AccountsMsg {

    @Message("全部公众号")
    String title();

    @Message("你的 {total} 个公众号一览：哪些需要处理，今天的领取和核销（北京时间，实时）。")
    String intro(int total);

    @Message("搜索")
    String search();

    @Message("名称、AppID、原始 ID 或标签")
    String searchHint();

    @Message("标签")
    String tag();

    @Message("全部标签")
    String allTags();

    @Message("排序")
    String sortLabel();

    /** An order in words: {accountsMsg:sort(s)}, keys sort_CONSTANT in accountsMsg_zh-CN and _en. */
    @Message
    String sort(AccountsOverview.Sort sort);

    @Message("筛选")
    String apply();

    @Message("清除筛选")
    String clear();

    @Message("找到 {matching} 个（共 {total} 个）")
    String matching(int matching, int total);

    @Message("没有符合条件的公众号。")
    String noneMatching();

    @Message("合计")
    String totals();

    @Message("公众号")
    String colAccount();

    @Message("待审核")
    String colInReview();

    @Message("未通过")
    String colRefused();

    @Message("库存不足")
    String colLowStock();

    @Message("今日领取")
    String colReceived();

    @Message("今日核销")
    String colConsumed();

    @Message("后台状态")
    String colHealth();

    @Message("选择")
    String colSelect();

    @Message("选择 {name}")
    String select(String name);

    @Message("正常")
    String healthy();

    @Message("{count} 项同步失败")
    String failingJobs(int count);

    @Message("微信拒绝了凭据")
    String credentialProblem();

    @Message("授权已失效，请重新授权")
    String needsAuthorization();

    @Message("库存低于 {percent}% 的卡券")
    String lowStockHelp(int percent);

    @Message("编辑标签")
    String editTags();

    @Message("多个标签用逗号或空格分开，每个最多 20 个字，最多 5 个。")
    String tagsHelp();

    @Message("保存标签")
    String saveTags();

    @Message("沙箱")
    String sandbox();

    @Message("立即同步所选公众号")
    String syncSelected();

    @Message("会为所选公众号排队同步卡券状态，几分钟内依次完成；结果见各公众号的“同步任务”。")
    String syncHelp();

    @Message("请先勾选要同步的公众号。")
    String noneSelected();

    @Message("所选公众号中有 {count} 个你只能查看，不能同步；没有排队任何同步。")
    String viewerCannotSync(int count);

    @Message("已为 {count} 个公众号排队同步，几分钟内完成。")
    String syncQueued(int count);

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("第 {page} / {pages} 页")
    String pageOf(int page, int pages);

    @Message("全部公众号一览")
    String homeLink();
}
