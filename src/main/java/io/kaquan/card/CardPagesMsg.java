package io.kaquan.card;

import java.util.List;

import io.kaquan.wechat.CallState;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the card list, card page and card forms. Chinese here, English in cardPagesMsg_en; the words of enum
 * constants in cardPagesMsg_zh-CN and cardPagesMsg_en. Long because it is every text of those pages, one method each.
 */
@MessageBundle(value = "cardPagesMsg", locale = "zh-CN")
public interface CardPagesMsg {

    // List

    @Message("卡券")
    String listTitle();

    @Message("公众号的全部卡券（本地镜像，{count} 张）。点「从微信刷新」可读取某张卡券在微信中的最新状态。")
    String listIntro(String count);

    @Message("状态")
    String filterStatus();

    @Message("类型")
    String filterType();

    @Message("搜索标题或 card_id")
    String filterSearch();

    @Message("排序")
    String filterSort();

    @Message("全部")
    String filterAll();

    @Message("筛选")
    String filterApply();

    /** A list order in words: {cardPagesMsg:sort(s)}, keys sort_$CONSTANT in cardPagesMsg_zh-CN and _en. */
    @Message
    String sort(CardList.Sort sort);

    @Message("没有符合条件的卡券。")
    String listEmpty();

    @Message("标题")
    String colTitle();

    @Message("类型")
    String colType();

    @Message("审核状态")
    String colStatus();

    @Message("库存（剩余 / 总量）")
    String colStock();

    @Message("创建时间")
    String colCreated();

    @Message("最后刷新")
    String colRefreshed();

    @Message("从微信刷新")
    String refresh();

    @Message("第 {page} / {pages} 页，共 {total} 张")
    String pager(int page, int pages, String total);

    @Message("搜索到的卡券超过 {cap} 张，只能翻看前 {cap} 张，请换一个更具体的搜索词或加上筛选条件。")
    String searchCapped(long cap);

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("创建卡券")
    String newCard();

    // Detail

    @Message("卡券详情")
    String detailTitle();

    @Message("已从微信刷新：{title}（{status}）")
    String refreshed(String title, String status);

    @Message("这张卡券还没有从微信读取过详情，请点「从微信刷新」。")
    String neverRefreshed();

    @Message("最后从微信读取：{at}")
    String refreshedAt(String at);

    @Message("审核未通过，原因：{reason}")
    String refusal(String reason);

    @Message("审核未通过（微信未给出原因）")
    String refusalNoReason();

    @Message("库存不足提醒")
    String alertsTitle();

    @Message("微信提醒：这张卡券的库存已不多（{detail}），提醒时间 {at}。")
    String alert(String detail, String at);

    @Message("知道了")
    String acknowledge();

    @Message("已确认库存提醒")
    String acknowledged();

    @Message("基本信息")
    String sectionBase();

    @Message("优惠内容")
    String sectionTerms();

    @Message("使用规则")
    String sectionRules();

    @Message("入口链接")
    String sectionLinks();

    @Message("其他字段（微信原样返回）")
    String sectionOther();

    @Message("card_id")
    String fCardId();

    @Message("类型")
    String fType();

    @Message("状态")
    String fStatus();

    @Message("标题")
    String fTitle();

    @Message("副标题")
    String fSubTitle();

    @Message("商户名称")
    String fBrandName();

    @Message("Logo")
    String fLogo();

    @Message("颜色")
    String fColor();

    @Message("码型")
    String fCodeType();

    @Message("使用提醒")
    String fNotice();

    @Message("使用说明")
    String fDescription();

    @Message("客服电话")
    String fServicePhone();

    @Message("有效期")
    String fValidity();

    @Message("库存")
    String fStock();

    @Message("每人可领")
    String fGetLimit();

    @Message("每人可用")
    String fUseLimit();

    @Message("可分享领取页")
    String fCanShare();

    @Message("可转赠朋友")
    String fCanGiveFriend();

    @Message("适用门店（POI ID）")
    String fLocations();

    @Message("来源")
    String fSource();

    @Message("在微信创建于")
    String fCreateTime();

    @Message("在微信更新于")
    String fUpdateTime();

    @Message("居中按钮")
    String fCenter();

    @Message("自定义入口")
    String fCustomUrl();

    @Message("营销入口")
    String fPromotionUrl();

    @Message("微信买单")
    String fPayCell();

    @Message("自助核销")
    String fSelfConsumeCell();

    @Message("是")
    String yes();

    @Message("否")
    String no();

    @Message("未设置")
    String notSet();

    @Message("剩余 {quantity} / 总量 {total}")
    String stock(String quantity, String total);

    @Message("按微信推送更新")
    String stockFollowsPushes();

    @Message("尚未与微信核对")
    String stockNeverChecked();

    @Message("刚刚与微信核对")
    String stockCheckedJustNow();

    @Message("{minutes} 分钟前与微信核对")
    String stockCheckedMinutes(long minutes);

    @Message("{hours} 小时前与微信核对")
    String stockCheckedHours(long hours);

    @Message("{days} 天前与微信核对")
    String stockCheckedDays(long days);

    @Message("{begin} 至 {end}")
    String validityRange(String begin, String end);

    @Message("领取后 {begin} 天生效，有效 {days} 天")
    String validityTerm(int begin, int days);

    @Message("领取后 {begin} 天生效，有效 {days} 天，最晚 {end} 前使用")
    String validityTermUntil(int begin, int days, String end);

    @Message("长期有效")
    String validityPermanent();

    @Message("消费满 {least} 元减 {reduce} 元")
    String termsCash(String least, String reduce);

    @Message("无门槛减 {reduce} 元")
    String termsCashNoThreshold(String reduce);

    @Message("{zhe} 折（优惠 {percent}%）")
    String termsDiscount(String zhe, int percent);

    @Message("仅券码")
    String code_CODE_TYPE_TEXT();

    @Message("一维码")
    String code_CODE_TYPE_BARCODE();

    @Message("二维码")
    String code_CODE_TYPE_QRCODE();

    @Message("仅二维码")
    String code_CODE_TYPE_ONLY_QRCODE();

    @Message("仅一维码")
    String code_CODE_TYPE_ONLY_BARCODE();

    @Message("不显示码（线上使用）")
    String code_CODE_TYPE_NONE();

    @Message("事件记录")
    String eventsTitle();

    @Message("全部事件")
    String eventsAll();

    @Message("已知的卡券码")
    String codesTitle();

    @Message("查看已知的卡券码")
    String codesAll();

    @Message("码")
    String colCode();

    @Message("持有人 openid")
    String colOpenid();

    @Message("领取时间")
    String colReceived();

    @Message("时间")
    String colTime();

    @Message("事件")
    String colEvent();

    @Message("处理结果")
    String colOutcome();

    @Message("创建相似卡券")
    String similar();

    @Message("以这张卡券的内容为起点打开创建向导。")
    String similarHelp();

    // Update

    @Message("修改卡券信息")
    String editTitle();

    @Message("修改")
    String edit();

    @Message("这里只列出微信允许修改的字段；只会提交改动过的字段。标为「需重新审核」的字段改动后，卡券会回到待审核状态，审核通过前用户无法领取。标题、商户名称、优惠内容和库存不能在这里修改（库存请用下方的库存调整）。")
    String editIntro();

    @Message("需重新审核")
    String reviewBadge();

    @Message("有效期只能延长：开始日期只能提前或不变，结束日期只能推后或不变。")
    String datesHelp();

    @Message("这张卡券的有效期是「领取后若干天」，微信不允许修改。")
    String datesFixedTerm();

    @Message("开始日期")
    String fBeginDate();

    @Message("结束日期")
    String fEndDate();

    @Message("多个门店 ID 用逗号分隔。")
    String locationsHelp();

    @Message("名称")
    String fLinkName();

    @Message("链接")
    String fLinkUrl();

    @Message("提示语")
    String fLinkSubTitle();

    @Message("保存修改")
    String save();

    @Message("取消")
    String cancel();

    @Message("没有改动任何字段，未提交给微信。")
    String nothingChanged();

    @Message("已更新 {fields}。微信已将卡券重新提交审核，当前状态：{status}。")
    String updatedReview(String fields, String status);

    @Message("已更新 {fields}，无需重新审核。当前状态：{status}。")
    String updated(String fields, String status);

    @Message("最多 {max} 字节（约 {chars} 个汉字）")
    String errTooLong(int max, int chars);

    @Message("必填。")
    String errRequired();

    @Message("请填写 1 到 100000000 之间的整数")
    String errGetLimit();

    @Message("请选择列表中的一项")
    String errChoice();

    @Message("请以 http:// 或 https:// 开头")
    String errUrl();

    @Message("门店 ID 应为数字，用逗号分隔")
    String errLocations();

    @Message("日期格式应为 年-月-日")
    String errDate();

    @Message("开始日期只能提前或不变（当前 {current}）")
    String errBeginLater(String current);

    @Message("结束日期只能推后或不变（当前 {current}）")
    String errEndEarlier(String current);

    @Message("结束日期应晚于开始日期")
    String errDateOrder();

    // Stock

    @Message("库存调整")
    String stockTitle();

    @Message("增加或减少可领取的库存。每次调整都会先记下一个操作编号再提交给微信；如果微信没有明确答复，Kaquan 会读取微信中的总库存来核对，绝不会重复提交。")
    String stockIntro();

    @Message("增加库存")
    String stockIncrease();

    @Message("减少库存")
    String stockDecrease();

    @Message("数量")
    String fAmount();

    @Message("原因")
    String fReason();

    @Message("例如：双十一活动追加")
    String reasonPlaceholder();

    @Message("提交调整")
    String stockSubmit();

    @Message("请填写 1 到 100000000 之间的整数")
    String errAmount();

    @Message("请选择增加或减少")
    String errDirection();

    @Message("请写明原因（最多 200 字）")
    String errReason();

    @Message("剩余库存只有 {remaining}，不能减少 {amount}")
    String errBelowRemaining(int remaining, int amount);

    @Message("调整后总库存会超过微信的上限 100000000")
    String errAboveMax();

    @Message("微信拒绝了：自定义 Code 的卡券，库存不能超过已导入、还没发出的 Code 数（现在有 {codes} 个）。请先在「投放」里导入更多 Code，再增加库存。")
    String errStockAboveCodes(long codes);

    @Message("微信拒绝了：自定义 Code 的卡券，库存不能超过已导入、还没发出的 Code 数。请先在「投放」里导入更多 Code，再增加库存。")
    String errStockAboveCodesUnknown();

    @Message("自定义 Code 的卡券只能发出导入的 Code：库存不能超过已导入、还没发出的 Code 数。")
    String stockCustomCodeHelp();

    @Message("上一次库存调整（{operation}）的结果还没确认，请先核对它，再做新的调整。")
    String errStockOpen(String operation);

    @Message("卡券已删除，不能再调整库存。")
    String errDeletedStock();

    @Message("库存已{direction} {amount}（操作 {operation}）。当前剩余 {quantity} / 总量 {total}。")
    String stockApplied(String direction, int amount, String operation, String quantity, String total);

    @Message("库存调整失败，库存没有变化（操作 {operation}）：{reason}")
    String stockFailed(String operation, String reason);

    @Message("微信没有明确答复，库存调整（操作 {operation}）是否生效还不确定。Kaquan 不会重新提交；请稍后点「核对」，按微信中的总库存确认结果。")
    String stockUncertain(String operation);

    @Message("增加")
    String increased();

    @Message("减少")
    String decreased();

    @Message("核对")
    String reconcile();

    @Message("库存调整记录")
    String stockHistory();

    @Message("操作编号")
    String colOperation();

    @Message("调整")
    String colDelta();

    @Message("原因")
    String colReason();

    @Message("结果")
    String colResult();

    @Message("总量 前 → 预期")
    String colTotals();

    /**
     * A stock change's state in words: {cardPagesMsg:stockState(change.state)}, keys stockState_$CONSTANT in
     * cardPagesMsg_zh-CN and _en (Qute's key form when a constant holds an underscore).
     */
    @Message
    String stockState(CallState state);

    @Message("经核对已生效：微信中的总库存是 {seen}，正是调整后的数量（操作 {operation}）。")
    String reconciledApplied(int seen, String operation);

    @Message("经核对未生效：微信中的总库存仍是 {seen}，库存没有变化（操作 {operation}）。")
    String reconciledFailed(int seen, String operation);

    @Message("还不能确定（操作 {operation}）：微信中的总库存是 {seen}，未答复的请求可能还会到达微信，请在 {at} 之后再核对。")
    String reconciledWaiting(int seen, String operation, String at);

    @Message("还不能确定（操作 {operation}）：读取微信的库存也失败了：{reason}")
    String reconcileUnreadable(String operation, String reason);

    @Message("微信中的总库存是 {seen}，既不是调整前的 {before} 也不是预期的 {expected}（可能有其他人在公众平台改过库存），请在公众平台确认后再核对（操作 {operation}）。")
    String reconciledOther(int seen, int before, int expected, String operation);

    @Message("这次库存调整的结果已经确定了。")
    String errNotOpen();

    // Delete and cells

    @Message("删除卡券")
    String deleteTitle();

    @Message("删除后，这张卡券不能再被领取，它的二维码和投放链接也会失效；但用户已经领取的券仍然有效，可以照常使用和核销。删除不可撤销。")
    String deleteWarning();

    @Message("我已了解：删除「{title}」，已领取的券仍然有效")
    String deleteConfirm(String title);

    @Message("删除")
    String deleteAction();

    @Message("请勾选确认后再删除")
    String errConfirm();

    @Message("已删除卡券「{title}」。已领取的券仍然有效。")
    String deleted(String title);

    @Message("卡券已经删除了。")
    String errAlreadyDeleted();

    @Message("卡券功能入口")
    String cellsTitle();

    @Message("微信买单：用户在卡包里打开券就能直接用微信支付买单并自动核销。需要公众号开通微信支付和买单权限，卡券要设置适用门店；与自助核销不能同时打开。")
    String payCellHelp();

    @Message("自助核销：用户在门店出示券后自己点击核销，无需商户扫码。卡券要设置适用门店；与微信买单不能同时打开。")
    String selfConsumeHelp();

    @Message("核销时要求用户输入验证码")
    String needVerifyCod();

    @Message("核销时要求用户备注消费金额")
    String needRemarkAmount();

    @Message("打开")
    String open();

    @Message("关闭")
    String close();

    @Message("已打开")
    String isOpen();

    @Message("已关闭")
    String isClosed();

    @Message("未通过 Kaquan 设置过")
    String unknownState();

    @Message("这张卡券还没有设置适用门店，微信不允许打开此入口。请先在「修改卡券信息」中填写门店 ID。")
    String errNoStores();

    @Message("自助核销已打开，和微信买单冲突：请先关闭自助核销。")
    String errSelfConsumeOpen();

    @Message("微信买单已打开，和自助核销冲突：请先关闭微信买单。")
    String errPayCellOpen();

    @Message("微信买单已{state}。")
    String payCellSet(String state);

    @Message("自助核销已{state}。")
    String selfConsumeSet(String state);

    @Message("打开")
    String opened();

    @Message("关闭")
    String closed();

    @Message("卡券已删除，不能再修改。")
    String errDeleted();

    /** Changed fields in a flash: 、 in Chinese, commas in English. */
    @Message("{#each items}{it}{#if it_hasNext}、{/if}{/each}")
    String fieldList(List<String> items);

    @Message("删除请求没有得到微信的明确答复（{error}），之后也读不到卡券：不知道是否已删除。请稍后刷新卡券查看。")
    String deleteUncertain(String error);

    @Message("手工确认")
    String settleTitle();

    @Message("微信中的总库存既不是调整前的也不是预期的，系统无法自动判断。请在公众平台核实后手工确认，并写明依据。")
    String settleHelp();

    @Message("核实依据")
    String fSettleNote();

    @Message("标记为已生效")
    String markApplied();

    @Message("标记为未生效")
    String markNotApplied();

    @Message("手工确认：{note}")
    String settledNote(String note);

    @Message("请写明核实依据（最多 500 字）。")
    String errSettleNote();

    @Message("这次库存调整还可以自动核对，无需手工确认（操作 {operation}）。")
    String errSettleNotNeeded(String operation);

    @Message("已手工确认库存调整已生效（操作 {operation}）。")
    String settledApplied(String operation);

    @Message("已手工确认库存调整未生效（操作 {operation}）。")
    String settledNotApplied(String operation);

    // Low-stock alerts (tenant overview and card page)

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

    @Message("卡券 {cardId} 没有未关闭的库存报警（可能已被别人关闭）。")
    String stockAlertNothingOpen(String cardId);

    @Message("微信买单记录")
    String paymentsTitle();

    @Message("查看买单记录")
    String paymentsAll();

    @Message("（微信上的总量：{total}）")
    String totalSeen(Integer total);

    @Message("投放")
    String distributionTitle();

    @Message("打开投放（二维码、测试白名单、按渠道的领取）")
    String distributionOpen();

    // The edit form's store picker

    @Message("适用门店")
    String fStores();

    @Message("其他门店 ID（不在上面列表中的）")
    String fOtherLocations();

    @Message("暂时读不到门店列表：{reason}。可以直接填写门店 ID。")
    String storesUnavailable(String reason);

    @Message("新 Logo 已上传到微信，点击“保存修改”后生效。")
    String logoUploaded();

    @Message("新 Logo 已上传，保存后显示在这里。")
    String logoPending();

    @Message("上传新 Logo")
    String uploadLogo();

    @Message("JPG 或 PNG，不超过 1 MB，建议 300×300 像素。")
    String logoHelp();
}
