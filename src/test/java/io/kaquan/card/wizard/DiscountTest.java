package io.kaquan.card.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 折 read strictly (issue 14: "12折" became 88% off, "0.5折" 95% off): what is accepted, what WeChat gets. */
class DiscountTest {

    @ParameterizedTest(name = "{0} → pay {1}%, {2}% off")
    @CsvSource({ "7折,70,30", "8.5折,85,15", "7.5折,75,25", "9.9折,99,1", "1折,10,90", "1.0折,10,90", "9折,90,10",
            "8.8折,88,12", "８.５折,85,15", "８折,80,20", "8.5 折,85,15", "'  8.5折  ',85,15", "８．５折,85,15",
            "8.5　折,85,15" })
    void accepted(String input, int paid, int off) {
        Discount discount = Discount.parse(input).orElseThrow();
        assertEquals(paid, discount.paidPercent());
        assertEquals(off, discount.percentOff(), "WeChat's discount is the percent off");
    }

    @ParameterizedTest(name = "refused: \"{0}\"")
    @ValueSource(strings = { "", " ", "85折", "85%", "0.85", "十折", "七折", "12折", "0.5折", "0.1折", "0折", "10折",
            "10.0折", "8.55折", "8.25折", "7", "8.5", "75", "-8折", "8.折", ".5折", "8,5折", "8.5折折", "8.5  折",
            "8.5%", "折", "abc", "9.9.9折", "1e1折", "８５折" })
    void refused(String input) {
        assertTrue(Discount.parse(input).isEmpty(), input);
    }

    @Test
    void nullIsRefused() {
        assertTrue(Discount.parse(null).isEmpty());
    }

    @Test
    void readsBackFromWeChatsPercentOff() {
        assertEquals("8.5折", Discount.ofPercentOff(15).zhe());
        assertEquals("7折", Discount.ofPercentOff(30).zhe());
        assertEquals("9.9折", Discount.ofPercentOff(1).zhe());
        assertEquals("1折", Discount.ofPercentOff(90).zhe());
        assertThrows(IllegalArgumentException.class, () -> Discount.ofPercentOff(95), "0.5折 is not a discount we make");
        assertThrows(IllegalArgumentException.class, () -> Discount.ofPercentOff(0));
    }

    @Test
    void everyAcceptedValueRoundTrips() {
        for (int paid = 10; paid <= 99; paid++) {
            Discount d = new Discount(paid);
            assertEquals(d, Discount.parse(d.zhe()).orElseThrow(), d.zhe());
        }
    }
}
