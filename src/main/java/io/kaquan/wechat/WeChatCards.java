package io.kaquan.wechat;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Requests and answers of the card APIs (§4.5–4.12, §5.2), field names as on the wire in snake_case. */
public final class WeChatCards {

    private WeChatCards() {
    }

    /**
     * card/get: the card as WeChat returns it ({@link #card()}, kept whole: the shape is large and evolving) and the
     * facts every caller needs, read leniently.
     *
     * @param typeKey the object key of the type ("cash", "groupon"…)
     */
    public record Detail(String cardId, String cardType, String typeKey, CardStatus status, String title,
            Integer quantity, Integer totalQuantity, JsonNode card) {

        static Detail of(JsonNode reply) {
            JsonNode card = reply.path("card");
            String cardType = card.path("card_type").asText("");
            String typeKey = cardType.toLowerCase(Locale.ROOT);
            JsonNode base = card.path(typeKey).path("base_info");
            JsonNode sku = base.path("sku");
            JsonNode status = base.get("status");
            return new Detail(base.path("id").asText(null), cardType, typeKey,
                    CardStatus.of(status == null || status.isNull() ? null
                            : status.isNumber() ? (Object) status.intValue() : status.asText()),
                    base.path("title").asText(null), number(sku.get("quantity")), number(sku.get("total_quantity")),
                    card);
        }

        private static Integer number(JsonNode value) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isNumber()) {
                return value.intValue();
            }
            try {
                return Integer.valueOf(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** card/batchget: one page of card ids. */
    @RegisterForReflection
    public record IdPage(List<String> cardIdList, int totalNum) {
        public IdPage {
            cardIdList = cardIdList == null ? List.of() : List.copyOf(cardIdList);
        }
    }

    /** card/getcolors: a palette entry, e.g. Color010 = #63b359. */
    @RegisterForReflection
    public record Color(String name, String value) {
    }

    @RegisterForReflection
    record Created(String cardId) {
    }

    @RegisterForReflection
    record UpdateReply(boolean sendCheck) {
    }

    @RegisterForReflection
    record ColorsReply(List<Color> colors) {
    }

    @RegisterForReflection
    record CardIdRequest(String cardId) {
    }

    @RegisterForReflection
    record CreateRequest(JsonNode card) {
    }

    @RegisterForReflection
    record BatchgetRequest(int offset, int count, List<CardStatus> statusList) {
    }

    @RegisterForReflection
    record ModifyStockRequest(String cardId, Integer increaseStockValue, Integer reduceStockValue) {
    }

    @RegisterForReflection
    record PaycellRequest(String cardId, boolean isOpen) {
    }

    @RegisterForReflection
    record SelfConsumeCellRequest(String cardId, boolean isOpen, boolean needVerifyCod, boolean needRemarkAmount) {
    }
}
