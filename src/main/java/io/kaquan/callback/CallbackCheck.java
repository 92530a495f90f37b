package io.kaquan.callback;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * debug_demo, the test push of WeChat's console (protocol reference §2.6, vector E): its only effect is the one the
 * endpoint already had, marking the tenant's callback as verified.
 */
@ApplicationScoped
public class CallbackCheck implements CardEventHandler {

    @Override
    public Set<String> eventTypes() {
        return Set.of("debug_demo");
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        return Outcome.processed("test push from the WeChat console: the callback works");
    }
}
