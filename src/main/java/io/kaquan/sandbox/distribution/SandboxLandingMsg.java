package io.kaquan.sandbox.distribution;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the sandbox console's landing pages. Chinese here, English in sandboxLandingMsg_en.properties. */
@MessageBundle(value = "sandboxLandingMsg", locale = "zh-CN")
public interface SandboxLandingMsg {

    @Message("卡券货架 · {appid}")
    String title(String appid);

    @Message("该沙箱账号通过 card/landingpage/create 创建的货架。「领取」模拟一位微信用户打开货架并领取其中一张卡券，已推送 user_get_card。")
    String intro();

    @Message("卡券货架")
    String linkFromCards();

    @Message("返回卡券")
    String backToCards();

    @Message("还没有货架。用 card/landingpage/create 接口创建一个。")
    String empty();

    @Message("货架 {pageId}")
    String pageHeading(int pageId);

    @Message("场景")
    String scene();

    @Message("可以分享")
    String canShare();

    @Message("是")
    String yes();

    @Message("否")
    String no();

    @Message("领取次数")
    String receipts();

    @Message("用户 OpenID（可选）")
    String openidOptional();

    @Message("领取")
    String receive();

    @Message("用户 {openid} 从货架领取了 Code {code}，已推送 user_get_card。")
    String received(String openid, String code);

    @Message("微信拒绝：{errcode} {errmsg}")
    String refusal(int errcode, String errmsg);
}
