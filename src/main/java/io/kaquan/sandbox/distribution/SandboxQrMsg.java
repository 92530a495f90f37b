package io.kaquan.sandbox.distribution;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the sandbox console's QR code page. Chinese here, English in sandboxQrMsg_en.properties. */
@MessageBundle(value = "sandboxQrMsg", locale = "zh-CN")
public interface SandboxQrMsg {

    @Message("卡券二维码 · {appid}")
    String title(String appid);

    @Message("该沙箱账号通过 card/qrcode/create 创建的二维码。「扫码领取」模拟一位微信用户扫描二维码并领取卡券：user_get_card 推送带有二维码的 OuterStr（渠道）。")
    String intro();

    @Message("卡券二维码")
    String linkFromCards();

    @Message("返回卡券")
    String backToCards();

    @Message("还没有二维码。用 card/qrcode/create 接口创建一个。")
    String empty();

    @Message("二维码")
    String columnCode();

    @Message("卡券")
    String columnCards();

    @Message("场景值（outer_str）")
    String columnOuterStr();

    @Message("有效期至")
    String columnExpires();

    @Message("扫码次数")
    String columnScans();

    @Message("操作")
    String columnActions();

    @Message("已过期")
    String expired();

    @Message("一码一领")
    String unique();

    @Message("多卡券")
    String multiple();

    @Message("用户 OpenID（可选）")
    String openidOptional();

    @Message("扫码领取")
    String scan();

    @Message("用户 {openid} 扫码领取了 Code {code}，已推送 user_get_card。")
    String scanned(String openid, String code);

    @Message("微信拒绝：{errcode} {errmsg}")
    String refusal(int errcode, String errmsg);

    @Message("网页领取 · {appid}")
    String addCardTitle(String appid);

    @Message("模拟用户在商户的网页上点“领取”：网页用 card_id 和商户签名的 cardExt 调用 wx.addCard，微信先核对签名（api_ticket、timestamp、card_id、code、openid、nonce_str 排序拼接后的 SHA-1），通过后用户领到卡券，领取推送带上 cardExt 里的 outer_str。")
    String addCardIntro();

    @Message("粘贴卡券管家生成的 cardExt（JSON）。")
    String addCardExtHelp();

    @Message("用户 OpenID（可不填：新用户）")
    String addCardOpenid();

    @Message("在网页上领取")
    String addCardSubmit();

    @Message("用户 {openid} 在网页上领取了 Code {code}，已推送 user_get_card。")
    String addCardReceived(String openid, String code);

    @Message("这个账号没有 card_id 为「{cardId}」的卡券。")
    String addCardUnknown(String cardId);

    @Message("网页领取（JS-SDK）")
    String addCardLink();
}
