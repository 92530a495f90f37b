package io.kaquan.sandbox.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the sandbox console's card and code pages. Chinese here, English in sandboxCardMsg_en.properties. */
@MessageBundle(value = "sandboxCardMsg", locale = "zh-CN")
public interface SandboxCardMsg {

    @Message("卡券 · {appid}")
    String cardsTitle(String appid);

    @Message("该沙箱账号通过接口创建的卡券。审核可立即通过或驳回（并推送审核事件）；「用户领取」模拟一位微信用户领取一张卡券。")
    String cardsIntro();

    @Message("返回账号")
    String backToAccount();

    @Message("还没有卡券。用 card/create 接口创建一张。")
    String cardsEmpty();

    @Message("卡券")
    String columnCard();

    @Message("类型")
    String columnType();

    @Message("状态")
    String columnStatus();

    @Message("库存")
    String columnStock();

    @Message("Code 数")
    String columnCodes();

    @Message("创建时间")
    String columnCreated();

    @Message("操作")
    String columnActions();

    @Message("审核通过")
    String approve();

    @Message("驳回")
    String refuse();

    @Message("驳回理由（可选）")
    String refuseReason();

    @Message("用户领取")
    String receive();

    @Message("OpenID（可选，留空则生成）")
    String openidOptional();

    @Message("查看 Code")
    String viewCodes();

    @Message("团购券")
    String type_GROUPON();

    @Message("代金券")
    String type_CASH();

    @Message("折扣券")
    String type_DISCOUNT();

    @Message("兑换券")
    String type_GIFT();

    @Message("优惠券")
    String type_GENERAL_COUPON();

    @Message("待审核")
    String status_CARD_STATUS_NOT_VERIFY();

    @Message("审核失败")
    String status_CARD_STATUS_VERIFY_FAIL();

    @Message("通过审核")
    String status_CARD_STATUS_VERIFY_OK();

    @Message("已删除")
    String status_CARD_STATUS_DELETE();

    @Message("已投放")
    String status_CARD_STATUS_DISPATCH();

    // Codes

    @Message("{title} 的 Code")
    String codesTitle(String title);

    @Message("以用户身份操作：核销（自助核销、买单或商户助手，按卡券设置）、转赠给新用户、查看、从卡包删除。")
    String codesIntro();

    @Message("还没有用户领取这张卡券。")
    String codesEmpty();

    @Message("Code · {appid}")
    String accountCodesTitle(String appid);

    @Message("还没有用户领取该账号的卡券。")
    String accountCodesEmpty();

    @Message("返回卡券列表")
    String backToCards();

    @Message("Code")
    String columnCode();

    @Message("用户 OpenID")
    String columnOpenid();

    @Message("领取时间")
    String columnReceived();

    @Message("有效期至")
    String columnEnd();

    @Message("核销")
    String consume();

    @Message("转赠")
    String gift();

    @Message("查看")
    String view();

    @Message("删除")
    String delete();

    @Message("正常")
    String code_NORMAL();

    @Message("已核销")
    String code_CONSUMED();

    @Message("已过期")
    String code_EXPIRE();

    @Message("转赠中")
    String code_GIFTING();

    @Message("已转赠")
    String code_GIFT_SUCC();

    @Message("转赠超时")
    String code_GIFT_TIMEOUT();

    @Message("已删除")
    String code_DELETE();

    @Message("已失效")
    String code_UNAVAILABLE();

    // Flash

    @Message("卡券 {cardId} 已审核通过，已推送 card_pass_check。")
    String approved(String cardId);

    @Message("卡券 {cardId} 已驳回，已推送 card_not_pass_check。")
    String refused(String cardId);

    @Message("用户 {openid} 领取了 Code {code}。")
    String received(String openid, String code);

    @Message("已对 Code {code} 完成操作，事件已推送。")
    String codeActionDone(String code);

    @Message("微信拒绝了该操作：{errcode} {errmsg}")
    String refusal(int errcode, String errmsg);
}
