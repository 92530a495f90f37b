package io.kaquan.callback;

import java.util.List;
import java.util.Set;

/**
 * Applies the effect of one kind of pushed event. Implementations are CDI beans; the {@link EventProcessor} picks
 * the one whose {@link #eventTypes()} holds the event's type (an event type may have one handler only; events
 * without a handler end IGNORED).
 *
 * <p>
 * {@link #apply} runs inside the processor's transaction, together with the event's status change, so an effect
 * commits exactly once or not at all: write effects to the database through the same transaction and do not call
 * out (no WeChat calls here). Throwing rolls the effect back; the event is retried with backoff and ends DEAD.
 */
public interface CardEventHandler {

    /** The Event values (MsgType for plain messages) this handler takes. */
    Set<String> eventTypes();

    Outcome apply(WeChatEvent event);

    /**
     * Whether the processor may hand this handler several events of its types at once ({@link #applyAll}): only for
     * effects that commute, so that the events' order within a batch does not matter.
     */
    default boolean appliesTogether() {
        return false;
    }

    /**
     * Applies several events at once, in as few statements as the handler can; answers their outcomes in the events'
     * order. Throwing fails them all: the processor then applies each alone with {@link #apply}, which finds the one
     * to blame.
     */
    default List<Outcome> applyAll(List<WeChatEvent> events) {
        return events.stream().map(this::apply).toList();
    }

    /** What became of the event, with a few words for the event log. */
    record Outcome(WeChatEvent.Status status, String note) {

        public static Outcome processed(String note) {
            return new Outcome(WeChatEvent.Status.PROCESSED, note);
        }

        public static Outcome ignored(String note) {
            return new Outcome(WeChatEvent.Status.IGNORED, note);
        }
    }
}
