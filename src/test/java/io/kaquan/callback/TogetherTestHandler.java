package io.kaquan.callback;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A handler for tests only (event type kaquan_test_together) that asks for its events together and always fails when
 * given several, while each event alone applies: tests see the processor fall back to one event per transaction
 * without charging any event for the failure of the group.
 */
@ApplicationScoped
public class TogetherTestHandler implements CardEventHandler {

    static final String TYPE = "kaquan_test_together";

    @Inject
    EntityManager em;

    @Override
    public Set<String> eventTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        FlakyTestHandler.countEffect(em, event);
        return Outcome.processed("applied alone");
    }

    @Override
    public boolean appliesTogether() {
        return true;
    }

    @Override
    public List<Outcome> applyAll(List<WeChatEvent> events) {
        // The effect of the first event is written before the failure: the rollback must take it back.
        apply(events.get(0));
        throw new IllegalStateException("cannot apply " + events.size() + " events together");
    }
}
