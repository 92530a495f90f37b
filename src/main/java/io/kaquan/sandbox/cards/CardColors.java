package io.kaquan.sandbox.cards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The 14 background colours of card/getcolors (SEED-CREATE); card/create takes the name, card/get answers the hex. */
public final class CardColors {

    public static final Map<String, String> PALETTE;

    static {
        Map<String, String> palette = new LinkedHashMap<>();
        palette.put("Color010", "#63b359");
        palette.put("Color020", "#2c9f67");
        palette.put("Color030", "#509fc9");
        palette.put("Color040", "#5885cf");
        palette.put("Color050", "#9062c0");
        palette.put("Color060", "#d09a45");
        palette.put("Color070", "#e4b138");
        palette.put("Color080", "#ee903c");
        palette.put("Color081", "#f08500");
        palette.put("Color082", "#a9d92d");
        palette.put("Color090", "#dd6549");
        palette.put("Color100", "#cc463d");
        palette.put("Color101", "#cf3e36");
        palette.put("Color102", "#5E6671");
        PALETTE = Collections.unmodifiableMap(palette);
    }

    private CardColors() {
    }

    public static Optional<String> hex(String name) {
        return Optional.ofNullable(PALETTE.get(name));
    }
}
