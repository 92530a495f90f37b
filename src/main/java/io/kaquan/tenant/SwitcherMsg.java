package io.kaquan.tenant;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the account switcher's search. Chinese here, English in switcherMsg_en. */
@MessageBundle(value = "switcherMsg", locale = "zh-CN")
public interface SwitcherMsg {

    @Message("切换公众号")
    String switcherTitle();

    @Message("搜索名称、AppID 或原始ID")
    String switcherPlaceholder();

    @Message("搜索")
    String switcherSearch();

    @Message("没有找到匹配的公众号。")
    String switcherNone();

    @Message("还有 {count} 个公众号，查看全部结果")
    String switcherMore(long count);

    @Message("找到 {count} 个公众号。")
    String switcherFound(long count);

    @Message("另有 {count} 个公众号没有列出，请输入更多文字缩小范围。")
    String switcherNarrow(long count);
}
