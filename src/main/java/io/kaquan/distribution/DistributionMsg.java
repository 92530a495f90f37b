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

    @Message("最多再选 4 张（一个二维码最多 5 张卡券）：用户扫码后可以从这些卡券中领取。使用自定义 Code 的卡券不能放进多卡券二维码。")
    String alsoCardsHelp();

    @Message("没有其他可以一起投放的卡券。")
    String alsoCardsNone();

    @Message("审核中")
    String underReview();

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

    @Message("场景值")
    String colOuterStr();

    @Message("按领取日期（北京时间）统计所选日期内首次领取的券：每个渠道按名称计数，没有场景值的领取（不是扫二维码领取的，或好友转赠的）记在「其他（无渠道）」。")
    String receiptsRangeIntro();

    @Message("从")
    String filterFrom();

    @Message("到")
    String filterTo();

    @Message("查看")
    String filterApply();

    @Message("导出 CSV")
    String exportCsv();

    @Message("{from} 至 {to}")
    String rangeLabel(java.time.LocalDate from, java.time.LocalDate to);

    @Message("这段时间没有领取。")
    String receiptsNone();

    @Message("合计")
    String receiptsTotal();

    @Message("开始日期")
    String colFrom();

    @Message("结束日期")
    String colTo();

    /** Where receipts without a channel name came from, keys receiptSource_$CONSTANT in distributionMsg_zh-CN and _en. */
    @Message
    String receiptSource(ReceiptsByChannel.Source source);

    @Message("请按 年-月-日 填写日期，例如 2026-05-01。")
    String errDate();

    @Message("开始日期不能晚于结束日期。")
    String errRangeReversed();

    @Message("一次最多统计 {max} 天。")
    String errRangeTooLong(int max);

    @Message("{px} 像素")
    String size(int px);

    @Message("二维码图片（{channel}）")
    String qrAlt(String channel);

    @Message("只有运营者可以生成二维码和修改白名单。")
    String viewerNote();

    @Message("导入自定义 Code")
    String importTitle();

    @Message("上传 CSV 或 TXT 文件：每行一个 Code（CSV 取第一列），最多 {max} 个字符，只能有字母、数字和符号；第一行若是标题（如 code、券码）会被跳过。文件先整体检查；已导入过的 Code 会跳过；其余每 100 个一批导入微信，每批只发送一次。")
    String importIntro(int max);

    @Message("微信中可领取的已导入 Code：{count} 个；当前库存：{stock}。")
    String depositCount(long count, int stock);

    @Message("库存多于可领取的 Code：用户可能领不到。请把库存减到 {count}，或再导入 Code。")
    String stockAboveCodes(long count);

    @Message("暂时读不到微信中已导入的 Code 数量：{reason}")
    String depositCountUnknown(String reason);

    @Message("Code 文件")
    String importFile();

    @Message("导入")
    String importSubmit();

    @Message("核对未决的批次")
    String importSettle();

    @Message("导入批次")
    String batchesTitle();

    @Message("时间")
    String colTime();

    @Message("Code 数")
    String colSize();

    @Message("结果")
    String colOutcome();

    /** An import batch's state in words, keys batchState_$CONSTANT in distributionMsg_zh-CN and _en. */
    @Message
    String batchState(io.kaquan.wechat.CallState state);

    @Message("导入 {deposited} 个，重复 {duplicates} 个，失败 {failed} 个")
    String batchCounts(int deposited, int duplicates, int failed);

    @Message("已导入 {deposited} 个 Code（微信说已存在 {duplicates} 个，失败 {failed} 个；已导入过而跳过 {skipped} 个）。")
    String imported(int deposited, int duplicates, int failed, int skipped);

    @Message("导入中断：已导入 {deposited} 个后，微信没有回答（{reason}）。这一批不会重发；请稍后点「核对未决的批次」。")
    String importInterrupted(int deposited, String reason);

    @Message("导入停止：已导入 {deposited} 个后，微信拒绝了一批：{reason}")
    String importRefused(int deposited, String reason);

    @Message("还有一批导入没有确定结果，核对后才能继续导入。请稍后再点「核对未决的批次」。")
    String errImportUnsettled();

    @Message("所有导入批次都已确定。")
    String importSettled();

    @Message("只有自定义 Code 的卡券可以导入 Code。")
    String errNotCustomCode();

    @Message("第 {line} 行的「{code}」不是有效的 Code：1 到 {max} 个字符，只能有字母、数字和符号，不能有空格。")
    String errImportCode(int line, String code, int max);

    @Message("第 {line} 行的「{code}」与第 {first} 行重复。")
    String errImportDuplicate(int line, String code, int first);

    @Message("文件里没有 Code。")
    String errImportEmpty();

    @Message("一个文件最多 {max} 个 Code。")
    String errImportTooMany(int max);

    @Message("网页领取（JS-SDK）")
    String jssdkTitle();

    @Message("给网页开发者：在公众号网页里调用 wx.addCard 时，要带上卡券的 card_id 和这里生成的 cardExt（时间戳、随机串和签名）。选了渠道的话，网页上的领取会计在这个渠道下。签名用的 api_ticket 由卡券管家保管，不会显示；cardExt 请在生成后两小时内使用。")
    String jssdkIntro();

    @Message("渠道（可不选）")
    String jssdkChannel();

    @Message("不计渠道")
    String jssdkNoChannel();

    @Message("指定 Code（自定义 Code 的卡券才需要）")
    String jssdkCode();

    @Message("指定用户 OpenID（指定用户领取的卡券才需要）")
    String jssdkOpenid();

    @Message("生成 cardExt")
    String jssdkGenerate();

    @Message("cardExt 已生成，连同 card_id 交给网页开发者：")
    String jssdkResult();

    @Message("网页里的调用")
    String jssdkSnippet();

    @Message("签名")
    String jssdkSignature();

    @Message("还没有叫「{name}」的渠道：请先在上面为它生成二维码，或不选渠道。")
    String errCardExtChannel(String name);

    @Message("{what} 只能有字母、数字、下划线和连字符，最多 64 个字符。")
    String errCardExtValue(String what);

    @Message("只有运营者可以生成 cardExt。")
    String jssdkViewerNote();
}
