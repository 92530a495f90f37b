package io.kaquan.sandbox.cards;

import java.util.Optional;

/** The coupon types the sandbox creates (SEED-CREATE), with their JSON key and datacube numbering. */
public enum SimulatedCardType {
    GROUPON("groupon", 4),
    CASH("cash", 1),
    DISCOUNT("discount", 0),
    GIFT("gift", 2),
    GENERAL_COUPON("general_coupon", 3);

    /** The key of the type's object in card/create, card/get and card/update. */
    public final String key;
    /** datacube/getcardcardinfo numbers types differently from card/create: 0 折扣券, 1 代金券, 2 礼品券, 3 优惠券, 4 团购券. */
    public final int datacubeType;

    SimulatedCardType(String key, int datacubeType) {
        this.key = key;
        this.datacubeType = datacubeType;
    }

    public static Optional<SimulatedCardType> of(String name) {
        for (SimulatedCardType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
