package io.kaquan.distribution;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of distribution (the card page's 投放 section). Chinese here, English in distributionMsg_en.properties. */
@MessageBundle(value = "distributionMsg", locale = "zh-CN")
public interface DistributionMsg {

    @Message("测试白名单")
    String whitelistTitle();

    @Message("这张卡券正在审核。审核通过前，只有测试白名单上的微信用户能领取它（扫二维码或打开投放链接），其他人会被微信拒绝。白名单属于整个公众号，对它所有审核中的卡券都有效。")
    String whitelistIntro();

    @Message("白名单是空的。")
    String whitelistEmpty();

    @Message("OpenID")
    String whitelistOpenids();

    @Message("微信号")
    String whitelistUsernames();

    @Message("每行一个，各最多 {max} 个。微信每次替换整个名单：提交的就是完整的名单，删掉的行会移出名单。")
    String whitelistHelp(int max);

    @Message("保存白名单")
    String whitelistSave();

    @Message("测试白名单已更新：{openids} 个 OpenID，{usernames} 个微信号。")
    String whitelistSaved(int openids, int usernames);

    @Message("{what}最多 {max} 个。")
    String errWhitelistTooMany(String what, int max);

    @Message("「{value}」不是有效的{what}：只能有字母、数字、下划线和连字符，最多 64 个字符。")
    String errWhitelistValue(String value, String what);

    @Message("二维码投放")
    String qrTitle();

    @Message("为每个投放渠道生成一个二维码：用户扫码领取后，领取按渠道计数。")
    String qrIntro();

    @Message("这张卡券还没有二维码。")
    String qrEmpty();

    @Message("二维码")
    String colQr();

    @Message("渠道")
    String colChannel();

    @Message("有效期")
    String colValidity();

    @Message("领取")
    String colReceipts();

    @Message("下载")
    String colDownload();

    @Message("长期有效")
    String permanent();

    @Message("有效至 {time}")
    String validUntil(String time);

    @Message("已过期")
    String expired();

    @Message("一码一领")
    String uniqueBadge();

    @Message("含 {count} 张卡券")
    String multiple(int count);

    @Message("渠道名称")
    String channelName();

    @Message("例如「门店海报」「公众号菜单」。同名的渠道共用一个场景值，领取合并计数。")
    String channelHelp();

    @Message("有效期")
    String validity();

    @Message("长期有效（微信保留 365 天）")
    String validityPermanent();

    @Message("临时二维码，有效分钟数（1–30）：")
    String validityExpiring();

    @Message("同一二维码的其他卡券（可选）")
    String alsoCards();

    @Message("card_id，每行一个，最多 4 个：用户扫码后可从这些卡券中领取。")
    String alsoCardsHelp();

    @Message("一码一领（扫码时随机分配一个 Code，领取一次后二维码失效）")
    String uniqueCode();

    @Message("生成二维码")
    String create();

    @Message("已为渠道「{channel}」生成二维码。")
    String created(String channel);

    @Message("请填写渠道名称。")
    String errChannelRequired();

    @Message("渠道名称最多 {max} 个字。")
    String errChannelTooLong(int max);

    @Message("临时二维码的有效期是 1 到 30 分钟。")
    String errMinutes();

    @Message("一个二维码最多 {max} 张卡券。")
    String errTooManyCards(int max);

    @Message("没有 card_id 为「{cardId}」的卡券。")
    String errUnknownCard(String cardId);

    @Message("这张卡券已删除，不能再投放。")
    String errCardDeleted();

    @Message("按渠道的领取")
    String receiptsTitle();

    @Message("来自微信领取推送（user_get_card）中的场景值，按渠道计数；好友转赠的不计。")
    String receiptsIntro();

    @Message("还没有通过二维码的领取。")
    String receiptsEmpty();

    @Message("场景值")
    String colOuterStr();

    @Message("未登记的渠道")
    String unknownChannel();

    @Message("{px} 像素")
    String size(int px);

    @Message("二维码图片（{channel}）")
    String qrAlt(String channel);

    @Message("只有运营者可以生成二维码和修改白名单。")
    String viewerNote();
}
