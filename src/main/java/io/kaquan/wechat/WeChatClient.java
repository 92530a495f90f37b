package io.kaquan.wechat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.buffer.Buffer;

/**
 * The WeChat APIs of one tenant, typed. Every method either answers WeChat's success or throws a
 * {@link WeChatException}; calls that are not {@linkplain WeChatApi#repeatable() repeatable} (create, modifystock,
 * code/update, code/unavailable, code/consume, delete) are sent at most once, so check
 * {@link WeChatException#uncertain()} and read WeChat's state before doing them again.
 */
public final class WeChatClient {

    private final WeChatGateway gateway;
    private final long tenantId;

    WeChatClient(WeChatGateway gateway, long tenantId) {
        this.gateway = gateway;
        this.tenantId = tenantId;
    }

    public long tenantId() {
        return tenantId;
    }

    // Media

    @RegisterForReflection
    record UploadReply(String url) {
    }

    /** Uploads a JPG or PNG (≤ 1 MB) for logos and card pictures; answers its WeChat CDN URL. */
    public String uploadImage(String filename, byte[] content, String contentType) {
        Objects.requireNonNull(content, "content");
        JsonNode reply = gateway.call(tenantId, WeChatApi.UPLOAD_IMAGE, (base, token) -> {
            // A form per attempt: its buffer is consumed by sending.
            ClientMultipartForm form = ClientMultipartForm.create()
                    .binaryFileUpload("media", filename, Buffer.buffer(content), contentType);
            return gateway.client(base, MediaRestClient.class).uploadImage(token, form);
        });
        return read(WeChatApi.UPLOAD_IMAGE, reply, UploadReply.class).url();
    }

    // Cards

    /**
     * Creates a card; WeChat submits it for review at once.
     *
     * @param card the object under "card": {"card_type":"CASH","cash":{"base_info":{…},…}}
     * @return the new card_id
     */
    public String cardCreate(JsonNode card) {
        byte[] body = WeChatJson.write(new WeChatCards.CreateRequest(card));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CARD_CREATE,
                (base, token) -> cards(base).create(token, body));
        return read(WeChatApi.CARD_CREATE, reply, WeChatCards.Created.class).cardId();
    }

    public WeChatCards.Detail cardGet(String cardId) {
        byte[] body = WeChatJson.write(new WeChatCards.CardIdRequest(cardId));
        return WeChatCards.Detail.of(gateway.call(tenantId, WeChatApi.CARD_GET,
                (base, token) -> cards(base).get(token, body)));
    }

    /** @param statuses empty for all; count ≤ 50 */
    public WeChatCards.IdPage cardBatchget(int offset, int count, List<CardStatus> statuses) {
        byte[] body = WeChatJson.write(new WeChatCards.BatchgetRequest(offset, count,
                statuses == null || statuses.isEmpty() ? null : statuses));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CARD_BATCHGET,
                (base, token) -> cards(base).batchget(token, body));
        return read(WeChatApi.CARD_BATCHGET, reply, WeChatCards.IdPage.class);
    }

    /**
     * Changes some fields of a card.
     *
     * @param changes the type's object with the fields that change, e.g. {"cash":{"base_info":{"notice":"…"}}}
     * @return true when the change sends the card back to review
     */
    public boolean cardUpdate(String cardId, ObjectNode changes) {
        ObjectNode request = changes.deepCopy();
        request.put("card_id", cardId);
        byte[] body = WeChatJson.write(request);
        JsonNode reply = gateway.call(tenantId, WeChatApi.CARD_UPDATE,
                (base, token) -> cards(base).update(token, body));
        return read(WeChatApi.CARD_UPDATE, reply, WeChatCards.UpdateReply.class).sendCheck();
    }

    /** Adds stock (positive change) or takes it away (negative). Not repeatable. */
    public void cardModifyStock(String cardId, int change) {
        byte[] body = WeChatJson.write(new WeChatCards.ModifyStockRequest(cardId, change > 0 ? change : null,
                change < 0 ? -change : null));
        gateway.call(tenantId, WeChatApi.CARD_MODIFYSTOCK, (base, token) -> cards(base).modifystock(token, body));
    }

    /** Deletes a card; codes already in wallets stay valid. Not repeatable. */
    public void cardDelete(String cardId) {
        byte[] body = WeChatJson.write(new WeChatCards.CardIdRequest(cardId));
        gateway.call(tenantId, WeChatApi.CARD_DELETE, (base, token) -> cards(base).delete(token, body));
    }

    public void paycellSet(String cardId, boolean open) {
        byte[] body = WeChatJson.write(new WeChatCards.PaycellRequest(cardId, open));
        gateway.call(tenantId, WeChatApi.PAYCELL_SET, (base, token) -> cards(base).paycellSet(token, body));
    }

    public void selfConsumeCellSet(String cardId, boolean open, boolean needVerifyCod, boolean needRemarkAmount) {
        byte[] body = WeChatJson.write(new WeChatCards.SelfConsumeCellRequest(cardId, open, needVerifyCod,
                needRemarkAmount));
        gateway.call(tenantId, WeChatApi.SELFCONSUMECELL_SET,
                (base, token) -> cards(base).selfconsumecellSet(token, body));
    }

    public List<WeChatCards.Color> cardColors() {
        JsonNode reply = gateway.call(tenantId, WeChatApi.CARD_COLORS, (base, token) -> cards(base).colors(token));
        List<WeChatCards.Color> colors = read(WeChatApi.CARD_COLORS, reply, WeChatCards.ColorsReply.class).colors();
        return colors == null ? List.of() : colors;
    }

    // Codes

    /** @param cardId null for codes that are not custom codes */
    public WeChatCodes.Info codeGet(String cardId, String code, boolean checkConsume) {
        byte[] body = WeChatJson.write(new WeChatCodes.GetRequest(cardId, code, checkConsume));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CODE_GET, (base, token) -> cards(base).codeGet(token, body));
        return read(WeChatApi.CODE_GET, reply, WeChatCodes.Info.class);
    }

    /** Not repeatable. */
    public void codeUpdate(String cardId, String code, String newCode) {
        byte[] body = WeChatJson.write(new WeChatCodes.UpdateRequest(code, cardId, newCode));
        gateway.call(tenantId, WeChatApi.CODE_UPDATE, (base, token) -> cards(base).codeUpdate(token, body));
    }

    /** Makes a code unusable, for good. Not repeatable. */
    public void codeUnavailable(String cardId, String code, String reason) {
        byte[] body = WeChatJson.write(new WeChatCodes.UnavailableRequest(code, cardId, reason));
        gateway.call(tenantId, WeChatApi.CODE_UNAVAILABLE,
                (base, token) -> cards(base).codeUnavailable(token, body));
    }

    /** Redeems a code. Not repeatable. */
    public WeChatCodes.Consumed codeConsume(String cardId, String code) {
        byte[] body = WeChatJson.write(new WeChatCodes.ConsumeRequest(code, cardId));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CODE_CONSUME,
                (base, token) -> cards(base).codeConsume(token, body));
        return read(WeChatApi.CODE_CONSUME, reply, WeChatCodes.Consumed.class);
    }

    /** The code behind an encrypt_code of a custom-URL jump or a JS-SDK result. */
    public String codeDecrypt(String encryptCode) {
        byte[] body = WeChatJson.write(new WeChatCodes.DecryptRequest(encryptCode));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CODE_DECRYPT,
                (base, token) -> cards(base).codeDecrypt(token, body));
        return read(WeChatApi.CODE_DECRYPT, reply, WeChatCodes.DecryptReply.class).code();
    }

    /** @param cardId null for every card of this account */
    public WeChatCodes.UserCards userCardList(String openid, String cardId) {
        byte[] body = WeChatJson.write(new WeChatCodes.UserCardsRequest(openid, cardId));
        JsonNode reply = gateway.call(tenantId, WeChatApi.USER_CARDLIST,
                (base, token) -> cards(base).userCardList(token, body));
        return read(WeChatApi.USER_CARDLIST, reply, WeChatCodes.UserCards.class);
    }

    // Distribution

    /**
     * A QR code for one card (QR_CARD) or up to five (QR_MULTIPLE_CARD).
     *
     * @param expireSeconds 60–1800, or null for a permanent code (WeChat keeps it 365 days)
     */
    public WeChatDistribution.QrCode qrcodeCreate(List<WeChatDistribution.QrCard> cards, Integer expireSeconds) {
        boolean single = cards.size() == 1;
        WeChatDistribution.QrActionInfo info = single ? new WeChatDistribution.QrActionInfo(cards.get(0), null)
                : new WeChatDistribution.QrActionInfo(null, new WeChatDistribution.MultipleCard(cards));
        byte[] body = WeChatJson.write(new WeChatDistribution.QrCreateRequest(single ? "QR_CARD" : "QR_MULTIPLE_CARD",
                expireSeconds, info));
        JsonNode reply = gateway.call(tenantId, WeChatApi.QRCODE_CREATE,
                (base, token) -> distribution(base).qrcodeCreate(token, body));
        return read(WeChatApi.QRCODE_CREATE, reply, WeChatDistribution.QrCode.class);
    }

    /** A landing page (货架) of these cards. Not repeatable: a second call makes a second page. */
    public WeChatDistribution.LandingPage landingPageCreate(String banner, String pageTitle, boolean canShare,
            LandingPageScene scene, List<WeChatDistribution.LandingCard> cards) {
        byte[] body = WeChatJson.write(new WeChatDistribution.LandingPageRequest(banner, pageTitle, canShare, scene,
                cards));
        JsonNode reply = gateway.call(tenantId, WeChatApi.LANDINGPAGE_CREATE,
                (base, token) -> distribution(base).landingpageCreate(token, body));
        return read(WeChatApi.LANDINGPAGE_CREATE, reply, WeChatDistribution.LandingPage.class);
    }

    /** The HTML that puts the card into a broadcast article (图文消息). */
    public String mpnewsHtml(String cardId) {
        byte[] body = WeChatJson.write(new WeChatDistribution.CardIdRequest(cardId));
        JsonNode reply = gateway.call(tenantId, WeChatApi.MPNEWS_GETHTML,
                (base, token) -> distribution(base).mpnewsGethtml(token, body));
        return read(WeChatApi.MPNEWS_GETHTML, reply, WeChatDistribution.MpnewsHtml.class).content();
    }

    /** Replaces the account's test whitelist with these OpenIDs and WeChat ids. */
    public void testWhitelistSet(List<String> openids, List<String> usernames) {
        byte[] body = WeChatJson.write(new WeChatDistribution.WhitelistRequest(openids, usernames));
        gateway.call(tenantId, WeChatApi.TESTWHITELIST_SET,
                (base, token) -> distribution(base).testwhitelistSet(token, body));
    }

    /** Imports up to 100 codes into a custom-code card. Not repeatable: settle a lost answer with checkcode. */
    public WeChatDistribution.Deposited codeDeposit(String cardId, List<String> codes) {
        byte[] body = WeChatJson.write(new WeChatDistribution.CodesRequest(cardId, codes));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CODE_DEPOSIT,
                (base, token) -> distribution(base).codeDeposit(token, body));
        return read(WeChatApi.CODE_DEPOSIT, reply, WeChatDistribution.Deposited.class);
    }

    public long codeDepositCount(String cardId) {
        byte[] body = WeChatJson.write(new WeChatDistribution.CardIdRequest(cardId));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CODE_DEPOSIT_COUNT,
                (base, token) -> distribution(base).codeGetDepositCount(token, body));
        return read(WeChatApi.CODE_DEPOSIT_COUNT, reply, WeChatDistribution.DepositCount.class).count();
    }

    /** Which of up to 100 codes are deposited in the card. */
    public WeChatDistribution.Checked codeCheck(String cardId, List<String> codes) {
        byte[] body = WeChatJson.write(new WeChatDistribution.CodesRequest(cardId, codes));
        JsonNode reply = gateway.call(tenantId, WeChatApi.CODE_CHECKCODE,
                (base, token) -> distribution(base).codeCheckCode(token, body));
        return read(WeChatApi.CODE_CHECKCODE, reply, WeChatDistribution.Checked.class);
    }

    // Stores

    /** @param limit ≤ 50 */
    public WeChatStores.Page poiList(int begin, int limit) {
        byte[] body = WeChatJson.write(new WeChatStores.ListRequest(begin, limit));
        JsonNode reply = gateway.call(tenantId, WeChatApi.POI_LIST,
                (base, token) -> gateway.client(base, PoiRestClient.class).list(token, body));
        return read(WeChatApi.POI_LIST, reply, WeChatStores.Page.class);
    }

    // Statistics (dates are WeChat's days; at most 62 days, up to yesterday)

    /** @param condSource 0 cards made in the MP console, 1 cards made through the API */
    public List<WeChatStats.BizDay> statsOfAccount(LocalDate from, LocalDate to, int condSource) {
        byte[] body = datacube(from, to, condSource, null);
        return rows(WeChatApi.DATACUBE_BIZUIN, gateway.call(tenantId, WeChatApi.DATACUBE_BIZUIN,
                (base, token) -> datacube(base).bizuin(token, body)), WeChatStats.BizDay.class);
    }

    /** @param cardId null for every free coupon */
    public List<WeChatStats.CardDay> statsOfCards(LocalDate from, LocalDate to, int condSource, String cardId) {
        byte[] body = datacube(from, to, condSource, cardId);
        return rows(WeChatApi.DATACUBE_CARD, gateway.call(tenantId, WeChatApi.DATACUBE_CARD,
                (base, token) -> datacube(base).cards(token, body)), WeChatStats.CardDay.class);
    }

    public List<WeChatStats.MemberCardDay> statsOfMemberCards(LocalDate from, LocalDate to, int condSource) {
        byte[] body = datacube(from, to, condSource, null);
        return rows(WeChatApi.DATACUBE_MEMBERCARD, gateway.call(tenantId, WeChatApi.DATACUBE_MEMBERCARD,
                (base, token) -> datacube(base).memberCards(token, body)), WeChatStats.MemberCardDay.class);
    }

    /** A new wx_card api_ticket (not cached: {@link CardTickets} is the door for that). */
    WeChatDistribution.ApiTicket cardApiTicket() {
        JsonNode reply = gateway.call(tenantId, WeChatApi.CARD_API_TICKET,
                (base, token) -> gateway.client(base, TicketRestClient.class).getTicket(token, "wx_card"));
        return read(WeChatApi.CARD_API_TICKET, reply, WeChatDistribution.ApiTicket.class);
    }

    // Plumbing

    private CardRestClient cards(URI base) {
        return gateway.client(base, CardRestClient.class);
    }

    private DistributionRestClient distribution(URI base) {
        return gateway.client(base, DistributionRestClient.class);
    }

    private DatacubeRestClient datacube(URI base) {
        return gateway.client(base, DatacubeRestClient.class);
    }

    private static byte[] datacube(LocalDate from, LocalDate to, int condSource, String cardId) {
        return WeChatJson.write(new WeChatStats.Request(from.toString(), to.toString(), condSource, cardId));
    }

    /** A success whose body does not have the expected shape: it did happen, but its answer is unreadable. */
    private static <T> T read(WeChatApi api, JsonNode reply, Class<T> type) {
        try {
            return WeChatJson.convert(reply, type);
        } catch (UncheckedIOException e) {
            throw WeChatException.noAnswer(api, null, e.getMessage(), e);
        }
    }

    private static <T> List<T> rows(WeChatApi api, JsonNode reply, Class<T> type) {
        List<T> rows = new ArrayList<>();
        for (JsonNode row : reply.path("list")) {
            rows.add(read(api, row, type));
        }
        return rows;
    }
}
