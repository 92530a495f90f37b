package io.kaquan.card.wizard;

import io.kaquan.wechat.BusinessService;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.CodeType;
import io.kaquan.wechat.TimeLimitDay;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Words of the card creation wizard. Chinese here, English in messages/wizardMsg_en.properties. Long because it holds
 * every label, help text and error of eight steps: one method per text.
 */
@MessageBundle(value = "wizardMsg", locale = "zh-CN")
public interface WizardMsg {

    // Enums in words: Qute's enum messages; the words per constant are in wizardMsg_zh-CN and wizardMsg_en

    @Message
    String step(WizardStep step);

    @Message
    String type(CardType type);

    @Message
    String typeHelp(CardType type);

    @Message
    String codeType(CodeType codeType);

    @Message
    String day(TimeLimitDay day);

    @Message
    String service(BusinessService service);

    // Pages and steps

    @Message("创建卡券")
    String title();

    @Message("草稿")
    String drafts();

    @Message("继续编辑")
    String resume();

    @Message("删除草稿")
    String discard();

    @Message("草稿已删除。")
    String discarded();

    @Message("没有未完成的草稿。")
    String noDrafts();

    @Message("更新于")
    String updatedAt();

    @Message("{day}开始时间")
    String timeBegin(String day);

    @Message("{day}结束时间")
    String timeEnd(String day);

    @Message("提交中，结果待确认")
    String submittingBadge();

    @Message("第 {n} 步，共 {total} 步")
    String stepOf(int n, int total);

    @Message("上一步")
    String back();

    @Message("保存并继续")
    String next();

    @Message("开始")
    String start();

    @Message("已保存。")
    String saved();

    @Message("草稿已创建：{title}")
    String draftCreated(String title);

    // Types

    // Fields

    @Message("商户 Logo")
    String f_logo();

    @Message("JPG 或 PNG，不超过 1 MB，建议 300×300 像素。")
    String f_logoHelp();

    @Message("商户名称")
    String f_brand_name();

    @Message("卡券名称")
    String f_title();

    @Message("副标题")
    String f_sub_title();

    @Message("卡券颜色")
    String f_color();

    @Message("团购详情")
    String f_deal_detail();

    @Message("起用金额（元）")
    String f_least_cost();

    @Message("消费满多少元可用；无门槛填 0 或留空。")
    String f_least_costHelp();

    @Message("减免金额（元）")
    String f_reduce_cost();

    @Message("折扣")
    String f_discount();

    @Message("填 1折 到 9.9折，最多一位小数，例如“7折”或“8.5折”：8.5折即按原价的 85% 付款（优惠 15%）。")
    String f_discountHelp();

    @Message("兑换内容")
    String f_gift();

    @Message("优惠详情")
    String f_default_detail();

    @Message("券码展示方式")
    String f_code_type();

    @Message("有效期")
    String f_date_type();

    @Message("固定日期")
    String date_DATE_TYPE_FIX_TIME_RANGE();

    @Message("领取后若干天内有效")
    String date_DATE_TYPE_FIX_TERM();

    @Message("开始日期")
    String f_begin_date();

    @Message("结束日期")
    String f_end_date();

    @Message("日期按北京时间，结束日当天 23:59:59 失效。")
    String f_datesHelp();

    @Message("有效天数")
    String f_fixed_term();

    @Message("领取后第几天生效")
    String f_fixed_begin_term();

    @Message("0 表示领取当天生效。")
    String f_fixed_begin_termHelp();

    @Message("统一过期日期（可选）")
    String f_term_end_date();

    @Message("库存数量")
    String f_quantity();

    @Message("每人限领")
    String f_get_limit();

    @Message("留空则为微信默认的 50 张。")
    String f_get_limitHelp();

    @Message("领取页可分享")
    String f_can_share();

    @Message("可转赠给朋友")
    String f_can_give_friend();

    @Message("自定义券码")
    String f_use_custom_code();

    @Message("券码由你的系统提供：投放时必须带上券码，只能通过接口核销。须有微信开通的自定义券码权限。")
    String f_use_custom_codeHelp();

    @Message("指定用户领取")
    String f_bind_openid();

    @Message("只有投放时指定的用户能领取，这样的券不应开放分享。")
    String f_bind_openidHelp();

    @Message("客服电话")
    String f_service_phone();

    @Message("使用提醒")
    String f_notice();

    @Message("使用说明")
    String f_description();

    @Message("第三方来源")
    String f_source();

    @Message("适用门店")
    String f_location_ids();

    @Message("搜索门店")
    String searchStores();

    @Message("搜索")
    String search();

    @Message("门店 ID（可直接填写，用逗号或空格分隔）")
    String f_location_idsManual();

    @Message("只有审核通过的门店可以选择。")
    String storesHelp();

    @Message("没有找到门店。")
    String noStores();

    @Message("暂时无法读取门店列表：{reason} 你仍可直接填写门店 ID。")
    String storesUnavailable(String reason);

    @Message("居中按钮（立即使用）")
    String entryCenter();

    @Message("服务入口")
    String entryCustom();

    @Message("营销入口")
    String entryPromotion();

    @Message("按钮文字")
    String f_center_title();

    @Message("按钮下方提示")
    String f_center_sub_title();

    @Message("跳转链接")
    String f_center_url();

    @Message("入口名称")
    String f_custom_url_name();

    @Message("跳转链接")
    String f_custom_url();

    @Message("右侧提示")
    String f_custom_url_sub_title();

    @Message("入口名称")
    String f_promotion_url_name();

    @Message("跳转链接")
    String f_promotion_url();

    @Message("右侧提示")
    String f_promotion_url_sub_title();

    @Message("使用门槛")
    String useCondition();

    @Message("指定可用商品类目")
    String f_accept_category();

    @Message("指定不可用商品类目")
    String f_reject_category();

    @Message("满多少元可用（元）")
    String f_use_least_cost();

    @Message("购买指定商品可用")
    String f_object_use_for();

    @Message("可与其他优惠同享")
    String f_can_use_with_other_discount();

    @Message("封面摘要")
    String f_abstract();

    @Message("封面图片（850×350，JPG/PNG，≤ 1 MB）")
    String f_abstract_icon();

    @Message("图文介绍")
    String textImages();

    @Message("图片 {n}")
    String f_ti_image(int n);

    @Message("文字 {n}")
    String f_ti_text(int n);

    @Message("使用时段")
    String timeLimit();

    @Message("只用于展示，不限制实际使用。时间可留空表示全天。")
    String timeLimitHelp();

    @Message("商家服务")
    String businessService();

    @Message("已上传")
    String uploaded();

    @Message("最多 {bytes} 字节（约 {chars} 个汉字）")
    String maxBytes(int bytes, int chars);

    // Review

    @Message("预览")
    String preview();

    @Message("将发送给微信的 JSON")
    String sentJson();

    @Message("请核对这张卡券")
    String summaryTitle();

    @Message("卡券类型")
    String sumType();

    @Message("商户与标题")
    String sumTitle();

    @Message("优惠内容")
    String sumOffer();

    @Message("有效期")
    String sumValidity();

    @Message("库存")
    String sumStock();

    @Message("{quantity} 张")
    String sumStockValue(String quantity);

    @Message("每人可领")
    String sumLimit();

    @Message("每人最多 {limit} 张")
    String sumLimitValue(String limit);

    @Message("不限（微信默认每人 50 张）")
    String sumNoLimit();

    @Message("适用门店")
    String sumStores();

    @Message("未指定门店（所有门店可用）")
    String sumAllStores();

    @Message("{count} 家门店")
    String sumStoreCount(int count);

    @Message("入口链接")
    String sumEntries();

    @Message("没有设置入口链接")
    String sumNoEntries();

    @Message("卡券颜色")
    String sumColor();

    @Message("Logo")
    String sumLogo();

    @Message("还没有上传 Logo")
    String sumNoLogo();

    @Message("给技术人员看：将发送给微信的 JSON")
    String jsonForExperts();

    @Message("提交创建")
    String submit();

    @Message("提交后卡券会自动进入微信审核。")
    String submitHelp();

    @Message("请先修正标出的内容。")
    String fixFirst();

    @Message("有效期：{from} 至 {to}")
    String validRange(String from, String to);

    @Message("有效期：领取后{begin}生效，{days} 天内有效")
    String validTerm(String begin, String days);

    @Message("当天")
    String sameDay();

    @Message("第 {n} 天")
    String afterDays(String n);

    @Message("，{to} 统一过期")
    String validTermEnd(String to);

    @Message("立即使用")
    String useNow();

    @Message("{zhe} = 按原价 {paid}% 付款，优惠 {off}%")
    String discountReading(String zhe, int paid, int off);

    @Message("满 {least} 元减 {reduce} 元")
    String cashRule(String least, String reduce);

    @Message("减 {reduce} 元")
    String cashNoThreshold(String reduce);

    @Message("卡券已创建，已提交微信审核。")
    String created();

    @Message("已在微信中找到上次提交创建的卡券，没有重复创建。")
    String reconciled();

    @Message("微信没有及时答复，无法确认卡券是否已创建，所以没有再次提交。请稍等片刻再点“提交创建”：我们会先在微信中查找这张卡券。")
    String stillUncertain();

    @Message("微信账号中的卡券太多，没能全部查找，仍无法确认上次提交是否已创建卡券，所以没有再次提交，草稿保持“提交中”。请先在微信公众平台的卡券列表中查看这张卡券是否已经存在。")
    String searchIncomplete();

    @Message("请先在预览页检查卡券内容，再点“提交创建”。")
    String reviewFirst();

    @Message("上次提交没有在微信中创建卡券，现在可以重新提交。")
    String notCreatedRetry();

    @Message("草稿在预览后被修改过，请检查后再提交。")
    String changedSinceReview();

    @Message("这个草稿已经创建了卡券。")
    String alreadyDone();

    @Message("已根据卡券 {cardId} 创建新草稿，请检查后提交。")
    String similarCreated(String cardId);

    // Errors

    @Message("请选择卡券类型。")
    String errType();

    @Message("必填。")
    String errRequired();

    @Message("太长了：最多 {bytes} 字节（约 {chars} 个汉字）。")
    String errTooLong(int bytes, int chars);

    @Message("太长了：最多 {chars} 个字。")
    String errTooLongChars(int chars);

    @Message("请从 14 种颜色中选择。")
    String errColor();

    @Message("请填写金额，例如 100 或 99.50（元，最多两位小数）。")
    String errAmount();

    @Message("减免金额必须大于 0。")
    String errReduceZero();

    @Message("减免金额不能超过起用金额。")
    String errReduceOverLeast();

    @Message("请填写 1折 到 9.9折 之间的折扣，最多一位小数，例如“7折”或“8.5折”（不是“85折”或“85%”）。")
    String errDiscount();

    @Message("请选择券码展示方式。")
    String errCodeType();

    @Message("请选择有效期类型。")
    String errDateType();

    @Message("请填写日期，格式 2026-12-31。")
    String errDate();

    @Message("日期不能早于今天。")
    String errDatePast();

    @Message("结束日期不能早于开始日期。")
    String errEndBeforeBegin();

    @Message("请填写 {min} 到 {max} 之间的整数。")
    String errRange(long min, long max);

    @Message("电话只能包含数字、空格、+、- 和括号。")
    String errPhone();

    @Message("指定用户领取的券不能开放分享。")
    String errShareBound();

    @Message("门店 ID 应为数字：{id}")
    String errLocationIds(String id);

    @Message("请填写以 http:// 或 https:// 开头的完整链接。")
    String errUrl();

    @Message("填写了链接，请同时填写入口名称。")
    String errEntryName();

    @Message("填写了入口名称，请同时填写跳转链接。")
    String errEntryUrl();

    @Message("无券码的券只能线上核销，必须设置居中按钮（如“立即使用”）和链接。")
    String errNoneNeedsCenter();

    @Message("上传了封面图片，请同时填写封面摘要。")
    String errAbstractText();

    @Message("每条图文都需要一张图片。")
    String errTextImageNeedsImage();

    @Message("请填写时间，格式 09:30。")
    String errTime();

    @Message("填写了时间，请勾选这一天。")
    String errTimeWithoutDay();

    @Message("开始和结束时间要一起填写。")
    String errTimeBoth();

    @Message("结束时间要晚于开始时间。")
    String errTimeOrder();

    @Message("只支持 JPG 或 PNG 图片。")
    String errImageType();

    @Message("图片不能超过 1 MB。")
    String errImageSize();

    @Message("图片上传失败：{reason}")
    String errUpload(String reason);

    @Message("微信拒绝了这张卡券：{reason}")
    String errWeChat(String reason);
}
