package io.kaquan.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts shared by every page: layout, navigation, common words, error pages. Chinese here, English in msg_en. */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {

    @Message("卡券管家")
    String appName();

    @Message("微信公众号卡券管理")
    String appTagline();

    @Message("我的公众号")
    String navHome();

    @Message("切换公众号")
    String navSwitchTenant();

    @Message("概览")
    String navOverview();

    @Message("成员")
    String navMembers();

    @Message("设置")
    String navSettings();

    @Message("操作日志")
    String navAudit();

    @Message("事件日志")
    String navEvents();

    @Message("卡券")
    String navCards();

    @Message("创建卡券")
    String navNewCard();

    @Message("券码")
    String navCodes();

    @Message("核销")
    String navCounter();

    @Message("数据统计")
    String navStats();

    @Message("同步任务")
    String navSync();

    @Message("退出登录")
    String logout();

    @Message("平台管理员")
    String platformAdmin();

    @Message("语言")
    String language();

    @Message("English")
    String switchLanguage();

    @Message("保存")
    String save();

    @Message("取消")
    String cancel();

    @Message("删除")
    String delete();

    @Message("更多")
    String more();

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("是")
    String yes();

    @Message("否")
    String no();

    @Message("请检查标出的字段。")
    String formInvalid();

    @Message("必填。")
    String required();

    @Message("登录已过期，刚才的内容还没有保存。重新登录后，您填写的内容已恢复到表单中，请检查后再提交一次。")
    String sessionExpiredFormKept();

    @Message("登录已过期，刚才的内容没有保存，请重新填写并提交。")
    String sessionExpiredNothingSaved();

    @Message("最多 {max} 个字符。")
    String tooLong(int max);

    @Message("请求无效")
    String error400Title();

    @Message("请求的内容有误：{detail}")
    String error400Text(String detail);

    @Message("内容里有无法识别的字符（例如控制字符或损坏的编码），请检查后重新输入。")
    String inputUnreadable();

    @Message("内容太长，请缩短后重新提交。")
    String inputTooLong();

    @Message("需要登录")
    String error401Title();

    @Message("请先登录。")
    String error401Text();

    @Message("没有权限")
    String error403Title();

    @Message("您的角色不能执行此操作。如需权限，请联系该公众号的所有者。")
    String error403Text();

    @Message("页面不存在")
    String error404Title();

    @Message("找不到该页面，或者您不是该公众号的成员。")
    String error404Text();

    @Message("不支持的操作")
    String error405Title();

    @Message("此地址不接受这种请求。")
    String error405Text();

    @Message("系统出错了")
    String error500Title();

    @Message("我们已记录此问题（编号 {incident}）。请稍后重试；如果问题持续，请把编号告诉管理员。")
    String error500Text(String incident);

    @Message("返回首页")
    String backHome();
}
