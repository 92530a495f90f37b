package io.kaquan.callback;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the event log and the unroutable pushes page. Chinese here, English in callbackMsg_en. */
@MessageBundle(value = "callbackMsg", locale = "zh-CN")
public interface CallbackMsg {

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

    @Message("返回事件日志")
    String backToList();

    // Statuses

    @Message("待处理")
    String statusReceived();

    @Message("已处理")
    String statusProcessed();

    @Message("已忽略")
    String statusIgnored();

    @Message("失败（将重试）")
    String statusFailed();

    @Message("已放弃")
    String statusDead();

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

    @Message("未知公众号")
    String reasonUnknownAccount();

    @Message("密文中的 AppID 不符")
    String reasonAppidMismatch();

    @Message("无法解密")
    String reasonUndecryptable();

    @Message("密文中的公众号不符")
    String reasonAccountMismatch();

    // Low-stock alerts (tenant overview)

    @Message("库存报警")
    String stockAlertsTitle();

    @Message("微信提醒：这些卡券的库存已不多（初始库存超过 200、剩余不超过 100 时推送，每张卡券 12 小时最多一次）。")
    String stockAlertsIntro();

    @Message("卡券")
    String stockAlertCard();

    @Message("微信的说明")
    String stockAlertDetail();

    @Message("报警时间")
    String stockAlertRaisedAt();

    @Message("{count} 次")
    String stockAlertCount(long count);

    @Message("库存已为 0")
    String stockDetailEmpty();

    @Message("库存不超过 100")
    String stockDetailLow();

    @Message("知道了")
    String stockAlertAcknowledge();

    @Message("卡券 {cardId} 的库存报警已关闭。")
    String stockAlertAcknowledged(String cardId);
}
