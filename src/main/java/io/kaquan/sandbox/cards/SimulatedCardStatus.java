package io.kaquan.sandbox.cards;

import java.util.Optional;

/** A card template's status as card/get and card/batchget spell it. */
public enum SimulatedCardStatus {
    CARD_STATUS_NOT_VERIFY,
    CARD_STATUS_VERIFY_FAIL,
    CARD_STATUS_VERIFY_OK,
    CARD_STATUS_DELETE,
    CARD_STATUS_DISPATCH;

    /** A status_list entry, including the aliases older docs and SDKs use. */
    public static Optional<SimulatedCardStatus> parse(String text) {
        return switch (text) {
            case "CARD_STATUS_USER_DELETE" -> Optional.of(CARD_STATUS_DELETE);
            case "CARD_STATUS_USER_DISPATCH" -> Optional.of(CARD_STATUS_DISPATCH);
            case "CARD_STATUS_VERIFY_FALL" -> Optional.of(CARD_STATUS_VERIFY_FAIL);
            default -> {
                for (SimulatedCardStatus status : values()) {
                    if (status.name().equals(text)) {
                        yield Optional.of(status);
                    }
                }
                yield Optional.empty();
            }
        };
    }
}
