package io.kaquan.card.wizard;

import java.util.Optional;
import java.util.regex.Pattern;

import io.kaquan.wechat.CardVocabulary;

/**
 * A discount as merchants say it, in 折 (tenths of the price paid: 8.5折 = pay 85%), and as WeChat's card/create
 * wants it: {@code discount}, the whole percent <em>off</em> (8.5折 → 15). Parsed strictly, because a lenient reading
 * turns a typo into a price ("12折" once became 88% off): 1折 to 9.9折, at most one decimal, 折 written out; 全角
 * digits and a space before 折 are accepted since Chinese keyboards produce them.
 *
 * @param paidPercent the percent of the price the customer pays, 10 to 99
 */
public record Discount(int paidPercent) {

    private static final Pattern ZHE = Pattern.compile("([1-9])(?:\\.([0-9]))?[ \\u3000]?折");

    public Discount {
        if (paidPercent < 10 || paidPercent > 99) {
            throw new IllegalArgumentException("paid percent out of 10..99: " + paidPercent);
        }
    }

    /** "8.5折", "８.５折", "8.5 折" → 85% paid; empty for anything else ("85折", "0.5折", "10折", "8.55折", "85%"). */
    public static Optional<Discount> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        var m = ZHE.matcher(halfWidth(input.strip()));
        if (!m.matches()) {
            return Optional.empty();
        }
        int tenths = m.group(2) == null ? 0 : m.group(2).charAt(0) - '0';
        return Optional.of(new Discount((m.group(1).charAt(0) - '0') * 10 + tenths));
    }

    /** WeChat's percent off (integer 1–90), the value of card/create's {@code discount}. */
    public static Discount ofPercentOff(int off) {
        return new Discount(100 - off);
    }

    public int percentOff() {
        return 100 - paidPercent;
    }

    /** "8.5折", "7折". */
    public String zhe() {
        return CardVocabulary.zhe(percentOff()) + "折";
    }

    /** 全角 digits and full stop as their ASCII twins; everything else unchanged (and then refused if odd). */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                out.append((char) (ch - '０' + '0'));
            } else if (ch == '．') {
                out.append('.');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
