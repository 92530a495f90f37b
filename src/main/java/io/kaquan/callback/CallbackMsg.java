package io.kaquan.callback;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the event log and the unroutable pushes page. Chinese here, English in callbackMsg_en. Long because it words
 * every event WeChat pushes, one method per text.
 */
@MessageBundle(value = "callbackMsg", locale = "zh-CN")
public interface CallbackMsg {

    // Enums in words: Qute's enum messages; the words per constant are in callbackMsg_zh-CN and callbackMsg_en

    @Message
    String status(WeChatEvent.Status status);

    @Message
    String reason(UnroutableEvent.Reason reason);

    @Message("事件日志")
    String eventsTitle();

    @Message("微信推送到本公众号的事件：先存储、再处理；重复推送只记录一次。")
    String eventsIntro();

    @Message("事件类型")
    String filterType();

    @Message("卡券 ID")
    String filterCard();

    @Message("Code")
    String filterCode();

    @Message("状态")
    String filterStatus();

    @Message("从（日期）")
    String filterFrom();

    @Message("到（日期）")
    String filterTo();

    @Message("全部")
    String filterAll();

    @Message("筛选")
    String filterApply();

    @Message("收到时间")
    String colReceived();

    @Message("事件")
    String colType();

    @Message("用户")
    String colUser();

    @Message("尝试次数")
    String colAttempts();

    @Message("没有符合条件的事件。")
    String eventsEmpty();

    @Message("还没有收到这张卡券的事件。")
    String cardEventsEmpty();

    @Message("全部事件")
    String cardEventsAll();

    @Message("事件 #{id}")
    String eventTitle(Long id);

    @Message("字段")
    String fieldsTitle();

    @Message("字段名")
    String fieldName();

    @Message("含义")
    String fieldMeaning();

    @Message("值")
    String fieldValue();

    @Message("原始 XML（已解密）")
    String rawTitle();

    @Message("处理结果")
    String outcome();

    @Message("最近的错误")
    String lastError();

    @Message("下次尝试")
    String nextAttempt();

    @Message("接收方式")
    String arrivedAs();

    @Message("{#when mode}{#is 'SAFE'}安全模式（加密）{#is 'COMPAT'}兼容模式{#is 'PLAIN'}明文模式{#else}{mode}{/when}")
    String arrivedMode(String mode);

    @Message("用轮换前的 EncodingAESKey 解密")
    String previousKey();

    @Message("事件发生时间")
    String createdAt();

    @Message("处理时间")
    String processedAt();

    @Message("重新处理")
    String replay();

    @Message("事件 #{id} 已重新排队处理。")
    String replayed(Long id);

    @Message("只有失败或已放弃的事件可以重新处理。")
    String replayRefused();

    @Message("事件 #{id} 刚刚已被处理，没有重新排队。")
    String replayOvertaken(Long id);

    @Message("卡券 {cardId}：用户查看 {views} 次，从卡券进入会话 {sessions} 次（全部日期，按微信推送计数）。")
    String viewCounts(String cardId, long views, long sessions);

    @Message("没有这个状态，请从列表中选择。")
    String filterStatusInvalid();

    @Message("请输入日期，格式如 2026-01-31。")
    String filterDateInvalid();

    @Message("结束日期不能早于开始日期。")
    String filterRangeInvalid();

    @Message("筛选条件有误，请修改标出的字段。")
    String filterInvalid();

    @Message("返回事件日志")
    String backToList();

    // Statuses

    // Event types

    @Message("卡券通过审核")
    String typeCardPassCheck();

    @Message("卡券未通过审核")
    String typeCardNotPassCheck();

    @Message("用户领取卡券")
    String typeUserGetCard();

    @Message("用户转赠卡券")
    String typeUserGiftingCard();

    @Message("用户删除卡券")
    String typeUserDelCard();

    @Message("卡券被核销")
    String typeUserConsumeCard();

    @Message("买单成功")
    String typeUserPayFromPayCell();

    @Message("用户查看会员卡")
    String typeUserViewCard();

    @Message("从卡券进入公众号会话")
    String typeUserEnterSession();

    @Message("库存报警")
    String typeCardSkuRemind();

    @Message("会员卡积分/余额变更")
    String typeUpdateMemberCard();

    @Message("券点流水")
    String typeCardPayOrder();

    @Message("会员提交激活信息")
    String typeSubmitMembercardUserInfo();

    @Message("微信后台接入测试")
    String typeDebugDemo();

    // Fields

    @Message("公众号原始 ID")
    String fieldToUserName();

    @Message("用户 OpenID")
    String fieldFromUserName();

    @Message("推送时间")
    String fieldCreateTime();

    @Message("消息类型")
    String fieldMsgType();

    @Message("事件类型")
    String fieldEvent();

    @Message("卡券 ID")
    String fieldCardId();

    @Message("卡券 Code")
    String fieldUserCardCode();

    @Message("是否为好友转赠")
    String fieldIsGiveByFriend();

    @Message("转赠方/接收方 OpenID")
    String fieldFriendUserName();

    @Message("转赠前的 Code")
    String fieldOldUserCardCode();

    @Message("领取场景值")
    String fieldOuterId();

    @Message("自定义参数")
    String fieldOuterStr();

    @Message("是否重新领取会员卡")
    String fieldIsRestoreMemberCard();

    @Message("是否好友推荐")
    String fieldIsRecommendByFriend();

    @Message("UnionID")
    String fieldUnionId();

    @Message("审核未通过原因")
    String fieldRefuseReason();

    @Message("是否为转赠退回")
    String fieldIsReturnBack();

    @Message("是否在群聊中转赠")
    String fieldIsChatRoom();

    @Message("核销来源")
    String fieldConsumeSource();

    @Message("门店名称")
    String fieldLocationName();

    @Message("核销员 OpenID")
    String fieldStaffOpenId();

    @Message("自助核销验证码")
    String fieldVerifyCode();

    @Message("自助核销备注金额")
    String fieldRemarkAmount();

    @Message("微信支付交易单号")
    String fieldTransId();

    @Message("门店 ID")
    String fieldLocationId();

    @Message("实付金额")
    String fieldFee();

    @Message("应付金额")
    String fieldOriginalFee();

    @Message("报警详情")
    String fieldDetail();

    @Message("积分变化")
    String fieldModifyBonus();

    @Message("余额变化")
    String fieldModifyBalance();

    @Message("消息 ID")
    String fieldMsgId();

    @Message("是")
    String yes();

    @Message("否")
    String no();

    @Message("{yuan} 元")
    String yuan(String yuan);

    @Message("还没有用户通过这张卡券的「微信买单」付款。")
    String paymentsEmpty();

    @Message("买单笔数")
    String paymentsCount();

    @Message("实付")
    String paymentsPaid();

    @Message("原价")
    String paymentsOriginal();

    @Message("卡券优惠")
    String paymentsSaved();

    @Message("付款时间")
    String paymentsAt();

    @Message("微信支付单号")
    String paymentsTransId();

    @Message("门店")
    String paymentsStore();

    @Message("未指定门店")
    String paymentsNoStore();

    @Message("未知")
    String paymentsUnknown();

    @Message("只列出最近的 {count} 笔；合计包含全部买单。")
    String paymentsLatest(int count);

    @Message("API 核销")
    String consumeFromApi();

    @Message("公众平台核销")
    String consumeFromMp();

    @Message("卡券商户助手核销")
    String consumeFromMobileHelper();

    // Unroutable pushes (platform admin)

    @Message("无法投递的推送")
    String unroutableTitle();

    @Message("没有对应公众号、或无法解开的推送。已回复 success，微信不会重试；这里的推送从不处理。")
    String unroutableIntro();

    @Message("没有无法投递的推送。")
    String unroutableEmpty();

    @Message("原因")
    String colReason();

    @Message("ToUserName")
    String colToUser();

    @Message("来源地址")
    String colRemote();

    @Message("详情")
    String colDetail();

    @Message("内容")
    String colBody();

    // Outcome notes (EventOutcomes)

    @Message("微信后台的测试推送：回调地址可用。")
    String outcomeConsoleTest();

    @Message("推送中没有卡券 ID，未作处理。")
    String outcomeNoCard();

    @Message("推送中没有卡券 ID 或券码，未作处理。")
    String outcomeNoCode();

    @Message("此事件已计数过，未重复计数。")
    String outcomeAlreadyCounted();

    @Message("此类事件无需处理。")
    String outcomeNoHandler();

    @Message("未应用：卡券当前状态「{status}」（{since} 起）比这条审核结果（{at}）更新。")
    String outcomeReviewStale(String status, String since, String at);

    @Message("卡券 {cardId} 已是「{status}」。")
    String outcomeReviewSame(String cardId, String status);

    @Message("卡券 {cardId} 现为「{status}」{reason}。")
    String outcomeReviewNow(String cardId, String status, String reason);

    @Message("发现新卡券 {cardId}，现为「{status}」{reason}。")
    String outcomeReviewDiscovered(String cardId, String status, String reason);

    @Message("（原因：{reason}）")
    String outcomeReason(String reason);

    @Message("已为卡券 {cardId} 计入 {day} 的统计。")
    String outcomeCounted(String cardId, String day);

    @Message("已为卡券 {cardId} 发出库存报警。")
    String outcomeStockAlert(String cardId);

    @Message("卡券 {cardId} / 券码 {code}：{effects}")
    String outcomeCode(String cardId, String code, String effects);

    @Message("无新变化")
    String outcomeNothingNew();

    @Message("；")
    String outcomeSeparator();

    @Message("领取数 +1")
    String effectReceived();

    @Message("删除数 +1")
    String effectDeleted();

    @Message("核销数 +1")
    String effectConsumed();

    @Message("转赠数 +1")
    String effectGifted();

    @Message("转赠退回")
    String effectGiftReturned();

    @Message("买单数 +1（实付 {fee} 元，原价 {originalFee} 元）")
    String effectPaid(String fee, String originalFee);

    @Message("券码 {code}「{status}」")
    String effectCodeStatus(String code, String status);

    @Message("券码 {code} 保持「{status}」（比本事件新）")
    String effectCodeStays(String code, String status);

    @Message("券码 {code}「{from}」→「{to}」")
    String effectCodeMoved(String code, String from, String to);
}
