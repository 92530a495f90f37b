package io.kaquan.card;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.kaquan.wechat.WeChatStores;

/**
 * The current account's stores (门店), for the pickers of the wizard and the edit form: read from WeChat (up to 500,
 * 50 a call), kept a few minutes per account, searched in memory.
 */
@ApplicationScoped
public class TenantStores {

    static final Duration KEPT = Duration.ofMinutes(5);

    /** @param problem WeChat's refusal in words, when the list could not be read */
    public record Stores(List<WeChatStores.Store> stores, String problem) {
    }

    private record StoreList(List<WeChatStores.Store> stores, Instant readAt) {
    }

    private final Map<Long, StoreList> storeLists = new ConcurrentHashMap<>();

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    I18n i18n;

    /** The stores matching the query (name, branch, address, district, city or id); all of them for an empty query. */
    public Stores stores(String query) {
        long tenantId = currentTenant.id();
        StoreList known = storeLists.get(tenantId);
        List<WeChatStores.Store> all;
        if (known != null && known.readAt().isAfter(Instant.now().minus(KEPT))) {
            all = known.stores();
        } else {
            WeChatClient wechat = gateway.forTenant(tenantId);
            List<WeChatStores.Store> read = new ArrayList<>();
            try {
                for (int begin = 0; begin < 500; begin += 50) {
                    WeChatStores.Page page = wechat.poiList(begin, 50);
                    page.businessList().forEach(b -> read.add(b.baseInfo()));
                    if (page.businessList().size() < 50 || read.size() >= page.totalCount()) {
                        break;
                    }
                }
            } catch (WeChatException e) {
                // not kept: asked again next time
                return new Stores(List.of(), WeChatErrors.message(i18n.bundle(WeChatMsg.class), e));
            }
            all = List.copyOf(read);
            storeLists.put(tenantId, new StoreList(all, Instant.now()));
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return new Stores(all.stream().filter(s -> q.isEmpty() || (nz(s.businessName()) + nz(s.branchName())
                + nz(s.address()) + nz(s.district()) + nz(s.city()) + nz(s.poiId())).toLowerCase(Locale.ROOT)
                .contains(q)).toList(), null);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
