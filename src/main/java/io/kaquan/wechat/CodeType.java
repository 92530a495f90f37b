package io.kaquan.wechat;

import java.util.Optional;

/** How a card's code is shown to the user (base_info.code_type), in the order the wizard offers them. */
public enum CodeType {
    CODE_TYPE_QRCODE,
    CODE_TYPE_BARCODE,
    CODE_TYPE_TEXT,
    CODE_TYPE_ONLY_QRCODE,
    CODE_TYPE_ONLY_BARCODE,
    CODE_TYPE_NONE;

    /** The type WeChat names {@code wire}; empty for anything else. */
    public static Optional<CodeType> of(String wire) {
        for (CodeType type : values()) {
            if (type.name().equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
