package io.kaquan.callback;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events whose effect belongs to the card and code mirrors (tables card and card_code, issues 5 and 6), which do
 * not exist yet: review results, codes received, gifted, deleted, consumed, paid through the pay cell. They are
 * stored, deduplicated and marked RECORDED, nothing more. When the mirrors land, their handlers replace this one
 * and re-queue the RECORDED rows (status back to RECEIVED), so no event is lost in between.
 */
@ApplicationScoped
public class CardMirrorPending implements CardEventHandler {

    static final Set<String> TYPES = Set.of("card_pass_check", "card_not_pass_check", "user_get_card",
            "user_gifting_card", "user_del_card", "user_consume_card", "user_pay_from_pay_cell");

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        return Outcome.recorded("recorded; effect pending the card mirror");
    }
}
