package io.kaquan.code;

import java.time.Duration;
import java.time.Instant;

import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;

/**
 * The settle state machine of a code operation, without I/O. The intent is {@link CallState#PENDING} before the
 * call; the call's answer settles it (done: applied; refused: not applied); a lost answer leaves it
 * {@link CallState#UNCERTAIN} until a code/get reading decides. A reading that shows the code unchanged proves
 * nothing while the lost call may still reach WeChat (until the settle time); once settled, a state never changes.
 * {@link CodeSettlement} does the I/O around these decisions.
 */
final class Settling {

    /** A call in flight longer than this was cut off (a node stopped mid-call): its outcome is unknown. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    /** How the WeChat call itself ended. */
    enum Answer {
        /** errcode 0 */
        DONE,
        /** a definite refusal (any errcode but -1) */
        REFUSED,
        /** no answer at all (timeout, broken connection): the request may still reach WeChat later */
        LOST,
        /** answered -1 (system busy): the call is over, but whether it was carried out is unknown */
        UNCLEAR
    }

    /** What a code/get reading says about an operation. */
    enum Reading {
        APPLIED,
        NOT_APPLIED,
        CANNOT_TELL
    }

    private Settling() {
    }

    /** The state right after the call. */
    static CallState afterCall(Answer answer) {
        return switch (answer) {
            case DONE -> CallState.APPLIED;
            case REFUSED -> CallState.NOT_APPLIED;
            case LOST, UNCLEAR -> CallState.UNCERTAIN;
        };
    }

    /**
     * Until when an unchanged code does not prove "not applied": a lost request may land until the settle time after
     * the intent; an answered -1 ended the call, so a reading right away is final.
     */
    static Instant settlesAt(Answer answer, Instant createdAt, Instant now, Duration settleTime) {
        return answer == Answer.LOST ? createdAt.plus(settleTime) : now;
    }

    /**
     * The state a reading leads to. Settled states are final; "applied" is final at once; "not applied" only once
     * {@code settlesAt} has passed; a reading that cannot tell leaves the operation uncertain.
     */
    static CallState afterReading(CallState current, Reading reading, Instant now, Instant settlesAt) {
        if (settled(current)) {
            return current;
        }
        return switch (reading) {
            case APPLIED -> CallState.APPLIED;
            case NOT_APPLIED -> now.isBefore(settlesAt) ? CallState.UNCERTAIN : CallState.NOT_APPLIED;
            case CANNOT_TELL -> CallState.UNCERTAIN;
        };
    }

    static boolean settled(CallState state) {
        return state == CallState.APPLIED || state == CallState.NOT_APPLIED;
    }

    /** Whether an operation awaits a reading: uncertain, or pending so long that its call was cut off. */
    static boolean awaitsReading(CallState state, Instant createdAt, Instant now) {
        return state == CallState.UNCERTAIN || (state == CallState.PENDING && createdAt.isBefore(cutOff(now)));
    }

    /** Pending operations created before this instant were cut off in flight. */
    static Instant cutOff(Instant now) {
        return now.minus(IN_FLIGHT);
    }

    /** What code/get's status of the operated code says, for the kinds proven by a status (not {@link Kind#UPDATE}). */
    static Reading readStatus(Kind kind, UserCardStatus status) {
        if (kind.proof == null) {
            throw new IllegalArgumentException(kind + " is not proven by a status");
        }
        return status == kind.proof ? Reading.APPLIED : Reading.NOT_APPLIED;
    }

    /**
     * What code/get says about a code change: the new code found means applied; the new code unknown (40056) and the
     * old one still found means not applied; anything else cannot tell.
     */
    static Reading readChange(boolean newCodeFound, boolean oldCodeFound) {
        if (newCodeFound) {
            return Reading.APPLIED;
        }
        return oldCodeFound ? Reading.NOT_APPLIED : Reading.CANNOT_TELL;
    }
}
