package io.kaquan.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.code.Settling.Answer;
import io.kaquan.code.Settling.Reading;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;

/** The settle state machine of code operations, every transition, without booting the app. */
class SettlingTest {

    static final Instant CREATED = Instant.parse("2026-12-07T08:00:00Z");
    static final Duration SETTLE_TIME = Duration.ofSeconds(60);
    static final Instant SETTLES_AT = CREATED.plus(SETTLE_TIME);
    static final Instant BEFORE = SETTLES_AT.minusSeconds(1);
    static final Instant AFTER = SETTLES_AT.plusSeconds(1);

    @Test
    void shouldSettleAnAnsweredCallByItsAnswer() {
        assertEquals(CallState.APPLIED, Settling.afterCall(Answer.DONE));
        assertEquals(CallState.NOT_APPLIED, Settling.afterCall(Answer.REFUSED));
    }

    @Test
    void shouldLeaveALostAnswerUncertain() {
        assertEquals(CallState.UNCERTAIN, Settling.afterCall(Answer.LOST));
        assertEquals(CallState.UNCERTAIN, Settling.afterCall(Answer.UNCLEAR));
    }

    @Test
    void shouldWaitForTheSettleTimeOnlyWhenTheRequestMayStillLand() {
        Instant now = CREATED.plusSeconds(20);
        // no answer at all: the request may reach WeChat until the settle time after the intent
        assertEquals(SETTLES_AT, Settling.settlesAt(Answer.LOST, CREATED, now, SETTLE_TIME));
        // an answered -1 ended the call: a reading right away is final
        assertEquals(now, Settling.settlesAt(Answer.UNCLEAR, CREATED, now, SETTLE_TIME));
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = { "PENDING", "UNCERTAIN" })
    void shouldSettleAsAppliedWhenTheReadingShowsItBeforeOrAfterTheSettleTime(CallState open) {
        assertEquals(CallState.APPLIED, Settling.afterReading(open, Reading.APPLIED, BEFORE, SETTLES_AT));
        assertEquals(CallState.APPLIED, Settling.afterReading(open, Reading.APPLIED, AFTER, SETTLES_AT));
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = { "PENDING", "UNCERTAIN" })
    void shouldSettleAsNotAppliedOnlyAfterTheSettleTime(CallState open) {
        assertEquals(CallState.UNCERTAIN, Settling.afterReading(open, Reading.NOT_APPLIED, BEFORE, SETTLES_AT));
        assertEquals(CallState.NOT_APPLIED, Settling.afterReading(open, Reading.NOT_APPLIED, SETTLES_AT, SETTLES_AT));
        assertEquals(CallState.NOT_APPLIED, Settling.afterReading(open, Reading.NOT_APPLIED, AFTER, SETTLES_AT));
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = { "PENDING", "UNCERTAIN" })
    void shouldStayUncertainWhenTheReadingCannotTell(CallState open) {
        assertEquals(CallState.UNCERTAIN, Settling.afterReading(open, Reading.CANNOT_TELL, BEFORE, SETTLES_AT));
        assertEquals(CallState.UNCERTAIN, Settling.afterReading(open, Reading.CANNOT_TELL, AFTER, SETTLES_AT));
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = { "APPLIED", "NOT_APPLIED" })
    void shouldNeverChangeASettledOperation(CallState settled) {
        for (Reading reading : Reading.values()) {
            assertEquals(settled, Settling.afterReading(settled, reading, BEFORE, SETTLES_AT));
            assertEquals(settled, Settling.afterReading(settled, reading, AFTER, SETTLES_AT));
        }
        assertTrue(Settling.settled(settled));
    }

    @Test
    void shouldAwaitAReadingForUncertainOperationsAndCallsCutOffInFlight() {
        Instant justStarted = CREATED.plusSeconds(5);
        Instant cutOff = CREATED.plus(Settling.IN_FLIGHT).plusSeconds(1);
        assertTrue(Settling.awaitsReading(CallState.UNCERTAIN, CREATED, justStarted));
        assertFalse(Settling.awaitsReading(CallState.PENDING, CREATED, justStarted), "still in flight: nothing to read");
        assertTrue(Settling.awaitsReading(CallState.PENDING, CREATED, cutOff), "cut off in flight");
        assertFalse(Settling.awaitsReading(CallState.APPLIED, CREATED, cutOff));
        assertFalse(Settling.awaitsReading(CallState.NOT_APPLIED, CREATED, cutOff));
        assertEquals(cutOff.minus(Settling.IN_FLIGHT), Settling.cutOff(cutOff));
    }

    @Test
    void shouldReadAnInvalidationFromTheCodesStatus() {
        assertEquals(Reading.APPLIED, Settling.readStatus(Kind.UNAVAILABLE, UserCardStatus.UNAVAILABLE));
        assertEquals(Reading.NOT_APPLIED, Settling.readStatus(Kind.UNAVAILABLE, UserCardStatus.NORMAL));
        assertEquals(Reading.NOT_APPLIED, Settling.readStatus(Kind.UNAVAILABLE, UserCardStatus.CONSUMED));
    }

    @Test
    void shouldReadARedemptionFromTheCodesStatus() {
        assertEquals(Reading.APPLIED, Settling.readStatus(Kind.CONSUME, UserCardStatus.CONSUMED));
        assertEquals(Reading.NOT_APPLIED, Settling.readStatus(Kind.CONSUME, UserCardStatus.NORMAL));
        assertEquals(Reading.NOT_APPLIED, Settling.readStatus(Kind.CONSUME, UserCardStatus.UNAVAILABLE));
    }

    @Test
    void shouldReadACodeChangeFromWhichCodeIsFound() {
        assertEquals(Reading.APPLIED, Settling.readChange(true, false));
        assertEquals(Reading.NOT_APPLIED, Settling.readChange(false, true));
        assertEquals(Reading.CANNOT_TELL, Settling.readChange(false, false));
        assertThrows(IllegalArgumentException.class, () -> Settling.readStatus(Kind.UPDATE, UserCardStatus.NORMAL));
    }

    @Test
    void shouldSettleALostInvalidationThatWeChatCarriedOutLate() {
        // the walk of CodeSettleTest: lost answer → reading shows it unchanged (too early) → later it shows it done
        CallState state = Settling.afterCall(Answer.LOST);
        Instant settlesAt = Settling.settlesAt(Answer.LOST, CREATED, CREATED.plusSeconds(10), SETTLE_TIME);
        state = Settling.afterReading(state, Settling.readStatus(Kind.UNAVAILABLE, UserCardStatus.NORMAL),
                CREATED.plusSeconds(11), settlesAt);
        assertEquals(CallState.UNCERTAIN, state);
        state = Settling.afterReading(state, Settling.readStatus(Kind.UNAVAILABLE, UserCardStatus.UNAVAILABLE),
                CREATED.plusSeconds(30), settlesAt);
        assertEquals(CallState.APPLIED, state);
        assertEquals(CallState.APPLIED, Settling.afterReading(state, Reading.NOT_APPLIED, AFTER, settlesAt));
    }
}
