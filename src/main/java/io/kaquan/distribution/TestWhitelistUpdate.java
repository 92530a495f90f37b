package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionCalls.inTx;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.card.CardLookup;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;

/**
 * Replacing the account's test whitelist (card/testwhitelist/set). WeChat replaces the whole list per call and cannot
 * be asked for it, so Kaquan keeps the list it last sent and the page always sends the list whole. Setting the same
 * list twice is harmless, so a lost answer needs nothing but trying again.
 */
@ApplicationScoped
public class TestWhitelistUpdate {

    /** OpenIDs are 28 characters of Base64url; WeChat ids 6–20 of letters, digits, _ and -. Both kept loose. */
    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    CurrentTenant currentTenant;

    @Inject
    DistributionCalls calls;

    @Inject
    CardLookup cards;

    @Inject
    DistributionConfig config;

    @Inject
    Audit audit;

    /**
     * @param cardId the card whose page it is set from: the list is the account's, but a stranger's card is a 404
     * @return the flash text
     */
    public String replace(String cardId, String openidText, String usernameText) {
        currentTenant.require(Role.OPERATOR);
        cards.live(cardId);
        DistributionMsg msg = calls.msg();
        List<String> openids = values(openidText, msg.whitelistOpenids(), msg);
        List<String> usernames = values(usernameText, msg.whitelistUsernames(), msg);
        calls.wechat(() -> {
            calls.client().testWhitelistSet(openids, usernames);
            return null;
        });
        return inTx(() -> {
            long tenantId = currentTenant.id();
            TestWhitelistEntry.delete("tenantId", tenantId);
            TestWhitelistEntry.flush();
            store(tenantId, TestWhitelistEntry.OPENID, openids);
            store(tenantId, TestWhitelistEntry.USERNAME, usernames);
            audit.record(tenantId, AuditAction.TEST_WHITELIST_SET, null,
                    "openid=" + String.join(",", openids) + " username=" + String.join(",", usernames));
            return msg.whitelistSaved(openids.size(), usernames.size());
        });
    }

    private List<String> values(String text, String what, DistributionMsg msg) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : (text == null ? "" : text).split("[\\s,，;；]+")) {
            if (value.isEmpty()) {
                continue;
            }
            if (!VALUE.matcher(value).matches()) {
                throw new ActionRefused(msg.errWhitelistValue(value.length() > 64 ? value.substring(0, 64) + "…" : value,
                        what));
            }
            values.add(value);
        }
        if (values.size() > config.whitelistMax()) {
            throw new ActionRefused(msg.errWhitelistTooMany(what, config.whitelistMax()));
        }
        return List.copyOf(values);
    }

    private static void store(long tenantId, String kind, List<String> values) {
        for (String value : values) {
            TestWhitelistEntry entry = new TestWhitelistEntry();
            entry.tenantId = tenantId;
            entry.kind = kind;
            entry.value = value;
            entry.persist();
        }
    }
}
