package io.kaquan.card;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.kaquan.card.wizard.CardForm;
import io.kaquan.wechat.WeChatStores;

/**
 * The edit form's stores: the account's stores to tick, and the ids typed beside them that are not in the list (a
 * store WeChat did not list, or the list could not be read).
 *
 * @param problem WeChat's refusal in words, when the list could not be read
 */
public record StorePicker(List<WeChatStores.Store> stores, String problem, Set<String> picked, String otherIds) {

    /** @param current the card's store ids, comma-separated (or what the user posted last) */
    public static StorePicker of(TenantStores.Stores stores, String current) {
        List<String> ids = CardForm.locationIds(current == null ? "" : current);
        Set<String> listed = stores.stores().stream().map(WeChatStores.Store::poiId).collect(Collectors.toSet());
        return new StorePicker(stores.stores(), stores.problem(),
                ids.stream().filter(listed::contains).collect(Collectors.toSet()),
                String.join(",", ids.stream().filter(id -> !listed.contains(id)).toList()));
    }

    public boolean isPicked(String poiId) {
        return picked.contains(poiId);
    }
}
