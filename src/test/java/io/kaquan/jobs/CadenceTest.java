package io.kaquan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The cron shapes our schedules use, read as a cadence; anything else is left undescribed (a plain unit test). */
class CadenceTest {

    @Test
    void readsEveryNHours() {
        assertEquals(Optional.of(new Cadence.EveryHours(6)), Cadence.of("0 0 */6 * * ?"));
        assertEquals(Optional.of(new Cadence.EveryHours(6)), Cadence.of("0 0 0/6 * * ?"));
        assertEquals(Optional.of(new Cadence.EveryHours(1)), Cadence.of("0 0 * * * ?"));
        assertEquals(Optional.of(new Cadence.EveryHours(12)), Cadence.of("0 0 */12 ? * *"));
    }

    @Test
    void readsDailyAtATime() {
        assertEquals(Optional.of(new Cadence.DailyAt(LocalTime.of(0, 30))), Cadence.of("0 30 0 * * ?"));
        assertEquals(Optional.of(new Cadence.DailyAt(LocalTime.of(23, 5))), Cadence.of(" 0 5 23 * * ? * "));
    }

    @Test
    void readsEveryNMinutes() {
        assertEquals(Optional.of(new Cadence.EveryMinutes(15)), Cadence.of("0 */15 * * * ?"));
        assertEquals(Optional.of(new Cadence.EveryMinutes(1)), Cadence.of("0 * * * * ?"));
    }

    @Test
    void leavesOtherShapesUndescribed() {
        for (String cron : new String[] { "*/2 * * * * ?", "0 0 */5 * * ?", "0 0 */7 * * ?", "0 30 */6 * * ?",
                "0 */7 * * * ?", "0 0 12 ? * MON", "0 0 12 1 * ?", "0 0 12 * 3 ?", "0 0 12 ? * ?", "0 0 24 * * ?",
                "0 60 1 * * ?", "0 0 */0 * * ?", "0 0 12 * * ? 2027", "0 0 12 * *", "0 0 8-18 * * ?", "", null }) {
            assertEquals(Optional.empty(), Cadence.of(cron), cron);
        }
    }
}
