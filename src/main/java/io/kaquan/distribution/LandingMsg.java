package io.kaquan.distribution;

import io.kaquan.wechat.CallState;
import io.kaquan.wechat.LandingPageScene;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of landing pages (货架). Chinese here, English in landingMsg_en.properties. */
@MessageBundle(value = "landingMsg", locale = "zh-CN")
public interface LandingMsg {

    @Message("卡券货架")
    String title();

    @Message("货架是微信里的一个卡券页面：顶部一张横幅图，下面是你挑选的卡券，用户打开后可以逐张领取。把它的链接放进自定义菜单、文章或 H5 页面，或者打印它的二维码。")
    String intro();

    @Message("卡券货架")
    String linkFromCards();

    @Message("还没有货架。")
    String empty();

    @Message("货架")
    String colPage();

    @Message("二维码")
    String colQr();

    @Message("卡券")
    String colCards();

    @Message("链接")
    String colUrl();

    @Message("{title} 的二维码")
    String qrAlt(String title);

    @Message("可以分享")
    String shareable();

    @Message("不可分享")
    String notShareable();

    @Message("{who} 创建于 {time}")
    String madeBy(String who, String time);

    @Message("复制链接")
    String copy();

    @Message("已复制")
    String copied();

    @Message("{px} 像素")
    String size(int px);

    @Message("下载二维码：")
    String download();

    @Message("重新发送")
    String resend();

    @Message("微信没有答复，不知道这个货架是否已经创建（微信不提供查询货架的接口）。请先在微信公众平台的「卡券货架」里查看：没有的话再点「重新发送」，否则会多出一个一样的货架。")
    String uncertainHelp();

    @Message("新建货架")
    String formTitle();

    @Message("页面标题")
    String fieldTitle();

    @Message("显示在微信页面顶部，最多 {max} 个字。")
    String titleHelp(int max);

    @Message("横幅图片")
    String fieldBanner();

    @Message("JPG 或 PNG，最大 1 MB，建议 640×300 像素。图片会先上传到微信。")
    String bannerHelp();

    @Message("投放场景")
    String fieldScene();

    @Message("请选择货架放在哪里")
    String sceneChoose();

    @Message("允许用户把货架分享给朋友")
    String fieldCanShare();

    @Message("卡券")
    String fieldCards();

    @Message("勾选要放上货架的卡券。审核中的卡券在通过前只有测试白名单上的用户能领取。")
    String cardsHelp();

    @Message("审核中")
    String underReview();

    @Message("没有可以放上货架的卡券：货架只能放已通过审核或审核中、且不使用自定义 Code 的卡券。")
    String noCards();

    @Message("使用自定义 Code 的卡券不能放上货架：{titles}。")
    String customCodeLeftOut(String titles);

    @Message("创建货架")
    String submit();

    @Message("你可以查看货架；创建货架需要运营者权限。")
    String viewerNote();

    @Message("货架「{title}」已创建。")
    String created(String title);

    @Message("微信拒绝创建货架：{words}")
    String refused(String words);

    @Message("微信没有答复，货架「{title}」是否已创建还不知道。它不会被自动重发：请先在微信公众平台查看，再决定是否重新发送。")
    String uncertain(String title);

    @Message("请填写页面标题。")
    String errTitleRequired();

    @Message("页面标题最多 {max} 个字。")
    String errTitleTooLong(int max);

    @Message("请选择投放场景。")
    String errScene();

    @Message("请至少选择一张卡券。")
    String errNoCards();

    @Message("所选的卡券中有不能放上货架的（已删除、未通过审核或使用自定义 Code）。请重新选择。")
    String errCardNotOffered();

    @Message("请选择横幅图片。")
    String errBannerRequired();

    @Message("横幅图片必须是 JPG 或 PNG。")
    String errBannerType();

    @Message("横幅图片不能超过 1 MB。")
    String errBannerSize();

    @Message("横幅图片上传失败：{words}")
    String errBannerUpload(String words);

    @Message("货架「{title}」上次发送时微信没有答复，还未确定。请先处理它（在列表里查看或重新发送），再创建同名的货架。")
    String errUndecidedSameTitle(String title);

    @Message("这个货架的结果已经确定，不需要重新发送。")
    String errNotUndecided();

    @Message("图文消息")
    String articleTitle();

    @Message("把下面的 HTML 粘贴到图文消息的正文里，群发后读者可以直接在文章里领取这张卡券。")
    String articleIntro();

    @Message("复制 HTML")
    String articleCopy();

    @Message("微信没有给出这张卡券的图文消息内容：{words}")
    String articleRefused(String words);

    @Message("返回卡券")
    String backToCard();

    @Message("图文消息")
    String articleLink();

    @Message("在群发文章里投放这张卡券")
    String articleLinkHelp();

    /** A scene in words, keys scene_$CONSTANT in landingMsg_zh-CN and _en. */
    @Message
    String scene(LandingPageScene scene);

    /** A page's state in words, keys state_$CONSTANT in landingMsg_zh-CN and _en. */
    @Message
    String state(CallState state);
}
