package io.kaquan.code;

import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Words of the code pages (lookup, invalidation, code change, a user's cards). Chinese here, English in codeMsg_en. */
@MessageBundle(value = "codeMsg", locale = "zh-CN")
public interface CodeMsg {

    // Lookup

    @Message("查码")
    String lookupTitle();

    @Message("输入顾客出示的卡券码，查看它的状态、有效期、持有人，以及现在能不能核销。")
    String lookupIntro();

    @Message("卡券码")
    String fieldCode();

    @Message("卡券 ID")
    String fieldCardId();

    @Message("自定义 Code 的卡券必须填写：微信只凭卡券 ID 和码一起才能找到自定义码。其他卡券可以不填。")
    String fieldCardIdHelp();

    @Message("加密码（encrypt_code）")
    String fieldEncryptCode();

    @Message("从卡券的自定义链接或 JS-SDK 得到的加密码。填写后不必再填卡券码，Kaquan 会先向微信解码。")
    String fieldEncryptCodeHelp();

    @Message("查询方式")
    String fieldCheckConsume();

    @Message("核销前校验：状态异常（已核销、已删除、转赠中、已失效…）的码直接报错")
    String checkConsumeTrue();

    @Message("只查看状态：任何状态的码都显示详细信息")
    String checkConsumeFalse();

    @Message("查询")
    String lookupAction();

    @Message("查看用户的卡券")
    String usersLink();

    @Message("最近的查询")
    String recentTitle();

    @Message("还没有查询记录。")
    String recentEmpty();

    @Message("时间")
    String colAt();

    @Message("操作人")
    String colWho();

    @Message("结果")
    String colOutcome();

    @Message("方式")
    String colMode();

    @Message("操作")
    String colKind();

    @Message("原因")
    String colReason();

    @Message("核销前校验")
    String modeCheck();

    @Message("只查看状态")
    String modeView();

    @Message("再查一次")
    String lookAgain();

    @Message("微信拒绝：{reason}（错误码 {errcode}）")
    String outcomeRefused(String reason, String errcode);

    /** A code's status in words: {codeMsg:codeStatus(status)} (keys codeStatus_$CONSTANT, as GIFT_SUCC holds "_"). */
    @Message
    String codeStatus(UserCardStatus status);

    // Result

    @Message("查码结果")
    String resultTitle();

    @Message("卡券")
    String card();

    @Message("这张卡券还没有同步到 Kaquan。")
    String cardNotMirrored();

    @Message("状态")
    String status();

    @Message("有效期")
    String validity();

    @Message("{begin} 至 {end}（北京时间）")
    String validityRange(String begin, String end);

    @Message("持有人 OpenID")
    String owner();

    @Message("现在能否核销")
    String canConsume();

    @Message("可以核销")
    String canConsumeYes();

    @Message("不能核销")
    String canConsumeNo();

    @Message("还没到生效时间。")
    String notYetEffective();

    @Message("领取场景值（outer_str）")
    String outerStr();

    @Message("找不到这个卡券码：可能输错了、已经转赠给别人，或不属于这个公众号。如果是自定义 Code 的卡券，请同时填写卡券 ID。")
    String notFound();

    @Message("这个码已经核销过了，不能再使用。")
    String consumedAtCheck();

    @Message("这个码现在不能核销：已被顾客删除、正在转赠中、已过期或已被设为失效。")
    String unusableAtCheck();

    @Message("「核销前校验」只告诉你码不能用；改用「只查看状态」可以看到它的具体状态。")
    String checkConsumeHint();

    @Message("只查看状态")
    String viewStatusOnly();

    @Message("这个码还有一个结果待确认的操作：{what}。")
    String openOperationOnCode(String what);

    // Invalidation

    @Message("使卡券码失效")
    String invalidateTitle();

    @Message("失效后顾客不能再使用这个码，而且不能恢复。用于退款、改票等情况。")
    String invalidateIntro();

    @Message("原因")
    String fieldReason();

    @Message("会连同操作人一起写进操作日志。")
    String reasonHelp();

    @Message("下一步：确认")
    String invalidateNext();

    @Message("确认使卡券码失效")
    String confirmTitle();

    @Message("你将使下面这个卡券码永久失效。这个操作不能撤销。")
    String confirmText();

    @Message("确认失效")
    String confirmAction();

    @Message("返回")
    String back();

    @Message("这个码已经失效了。")
    String alreadyUnavailable();

    @Message("这个码已经核销，不能再设为失效。")
    String alreadyConsumed();

    @Message("卡券码 {code} 已失效。")
    String invalidated(String code);

    // Code change

    @Message("更改卡券码")
    String changeTitle();

    @Message("只用于自定义 Code 的卡券。微信建议只在转赠之后更改：顾客把卡券转赠给朋友后，微信会推送转赠事件，商户可以为收到卡券的朋友换一个新码，让转赠前可能泄露的旧码不能再用。更改后旧码立即作废，为避免顾客疑惑，其他情况不要更改。")
    String changeIntro();

    @Message("新的卡券码")
    String fieldNewCode();

    @Message("更改")
    String changeAction();

    @Message("这张卡券的码由微信生成（不是自定义 Code），不能更改。")
    String notCustomCode();

    @Message("卡券码 {code} 已更改为 {newCode}。")
    String changed(String code, String newCode);

    // Outcomes of the operations

    /** An operation's kind in words: {codeMsg:kind(op.kind)} (keys kind_CONSTANT in codeMsg_zh-CN and codeMsg_en). */
    @Message
    String kind(CodeOperation.Kind kind);

    /**
     * Where an operation stands: {codeMsg:state(op.state)}. Keys state_$CONSTANT: Qute separates the constant with "_$"
     * when a constant (NOT_APPLIED) holds "_" itself.
     */
    @Message
    String state(CallState state);

    @Message("卡券码 {code} 已核销。")
    String consumed(String code);

    @Message("微信拒绝了这次操作：{reason}")
    String refused(String reason);

    @Message("微信没有执行这次操作（{what}），卡券码保持原样，可以重做。")
    String notApplied(String what);

    @Message("微信没有给出明确答复，这次操作（{what}）可能已经生效。Kaquan 会在下次查询这个码时确认结果，在此之前请不要重做。")
    String unknownOutcome(String what);

    @Message("这个码还有一个结果待确认的操作，请先确认它的结果（查码页面的「现在检查」）。")
    String operationOpen();

    @Message("新的码 {newCode} 已是另一个结果待确认的换码操作的新码，请先确认那个操作的结果（查码页面的「现在检查」）。")
    String operationOpenNewCode(String newCode);

    @Message("结果待确认的操作")
    String openOpsTitle();

    @Message("下面的操作调用微信时没有得到明确答复，可能已经生效，也可能没有。查询这个码时 Kaquan 会自动确认；也可以现在检查。")
    String openOpsIntro();

    @Message("现在检查")
    String checkNow();

    @Message("已确认：操作已生效。")
    String settledApplied();

    @Message("已确认：操作没有生效，卡券码保持原样。")
    String settledNotApplied();

    @Message("仍然无法确认结果，请稍后再检查。")
    String settledUnknown();

    @Message("最近的操作")
    String opsTitle();

    // A user's cards

    @Message("用户的卡券")
    String usersTitle();

    @Message("输入用户的 OpenID，查看他卡包里属于这个公众号的卡券码（可以只看一种卡券）。")
    String usersIntro();

    @Message("用户 OpenID")
    String fieldOpenid();

    @Message("卡券 ID（可不填）")
    String fieldCardIdOptional();

    @Message("查看")
    String usersAction();

    @Message("这位用户的卡包里没有这个公众号的卡券。")
    String usersEmpty();

    @Message("{count} 个卡券码")
    String usersCount(int count);

    @Message("查码")
    String lookUp();

    @Message("上次查到的状态")
    String lastKnownStatus();

    // A card's known codes (the fragment on the card's page)

    @Message("已知的卡券码")
    String knownTitle();

    @Message("Kaquan 还不知道这张卡券的任何码（用户领取后由事件推送带来）。")
    String knownEmpty();

    @Message("码")
    String colCode();

    @Message("持有人 openid")
    String colOpenid();

    @Message("最后变化")
    String colLastChange();

    @Message("显示最新的 {shown} 个，共 {total} 个。")
    String knownShown(int shown, long total);

    // The counter (redemption)

    @Message("核销")
    String counterTitle();

    @Message("扫描或粘贴顾客出示的卡券码，按 Enter 查询；确认卡券后按「核销」。")
    String counterIntro();

    @Message("扫码或输入卡券码")
    String counterPlaceholder();

    @Message("自定义 Code 的卡券：填写卡券 ID")
    String counterCardIdToggle();

    @Message("核销")
    String redeemAction();

    @Message("核销后不能撤销。")
    String redeemHint();

    @Message("你的角色只能查看卡券码，不能核销。")
    String redeemViewerOnly();

    @Message("优惠")
    String offer();

    @Message("已核销")
    String redeemedTitle();

    @Message("核销时间")
    String redeemedAt();

    @Message("可以扫描下一位顾客的卡券码了。")
    String redeemedNext();

    @Message("核销结果待确认")
    String redeemUncertainTitle();

    @Message("没有核销")
    String redeemNotAppliedTitle();

    @Message("本班次的核销（最近 {hours} 小时）")
    String shiftTitle(long hours);

    @Message("这个班次你还没有核销过卡券码。")
    String shiftEmpty();

    @Message("这个码上一次的「{what}」还没有得到微信的明确答复，Kaquan 正在确认结果。为免重复核销，现在不能再次操作；稍后再查这个码即可看到结果。")
    String redeemStillChecking(String what);

    @Message("这个码还没到生效时间，现在不能核销。")
    String redeemNotYetEffective();

    @Message("不能核销：这个码的状态是「{status}」。")
    String redeemRefusedStatus(String status);

    // Field errors

    @Message("请填写卡券码（或加密码）。")
    String errCodeRequired();

    @Message("卡券码应为 1–64 个字符，不能包含空格。")
    String errCodeFormat();

    @Message("加密码应为 Base64 文本，最多 128 个字符。")
    String errEncryptCodeFormat();

    @Message("卡券 ID 只能包含字母、数字、- 和 _，最多 64 个字符。")
    String errCardIdFormat();

    @Message("请填写卡券 ID。")
    String errCardIdRequired();

    @Message("请填写原因。")
    String errReasonRequired();

    @Message("原因不能超过 {max} 个字。")
    String errReasonTooLong(int max);

    @Message("请填写新的卡券码。")
    String errNewCodeRequired();

    @Message("新的卡券码应为 1–64 个字符，不能包含空格。")
    String errNewCodeFormat();

    @Message("新的卡券码与原来的相同。")
    String errNewCodeSame();

    @Message("请填写用户的 OpenID。")
    String errOpenidRequired();

    @Message("OpenID 只能包含字母、数字、- 和 _，最多 64 个字符。")
    String errOpenidFormat();
}
