package io.kaquan.sandbox.cards;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatReply;

/** The stores of cgi-bin/poi/getpoilist: every account starts with three (two approved, one under review). */
@ApplicationScoped
public class PoiStores {

    @Inject
    EntityManager em;

    private record Seed(String sid, String branch, String district, String address, double lng, double lat,
            int state) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("kaquan-001", "天河店", "天河区", "天河路 385 号", 113.3245, 23.1371, PoiStore.APPROVED),
            new Seed("kaquan-002", "海珠店", "海珠区", "新港中路 397 号", 113.3270, 23.0986, PoiStore.APPROVED),
            new Seed("kaquan-003", "越秀店", "越秀区", "北京路 168 号", 113.2700, 23.1290, 2));

    @Transactional
    public ObjectNode list(SandboxAccount account, ObjectNode body) {
        int begin = SandboxJson.optionalInt(body, "begin").orElse(0);
        int limit = SandboxJson.optionalInt(body, "limit").orElse(20);
        if (begin < 0 || limit < 1 || limit > 50) {
            throw CardRules.invalidArgs("begin >= 0 and 1 <= limit <= 50");
        }
        List<PoiStore> stores = storesOf(account);
        ObjectNode reply = WeChatReply.object();
        ArrayNode list = reply.putArray("business_list");
        stores.stream().skip(begin).limit(limit).forEach(store -> {
            ObjectNode base = list.addObject().putObject("base_info");
            base.put("sid", store.sid);
            base.put("poi_id", store.availableState == PoiStore.APPROVED ? store.poiId : "");
            base.put("business_name", store.businessName);
            base.put("branch_name", store.branchName);
            base.put("province", store.province);
            base.put("city", store.city);
            base.put("district", store.district);
            base.put("address", store.address);
            base.put("telephone", store.telephone);
            base.putArray("categories").add(store.categories);
            base.put("offset_type", 1);
            base.put("longitude", store.longitude);
            base.put("latitude", store.latitude);
            base.put("available_state", store.availableState);
            base.put("update_status", 0);
        });
        reply.put("total_count", stores.size());
        return reply;
    }

    /** The account's stores, seeded on first use (insert-or-ignore, so concurrent first calls agree). */
    @Transactional
    public List<PoiStore> storesOf(SandboxAccount account) {
        if (PoiStore.count("accountId", account.id) == 0) {
            for (Seed seed : SEEDS) {
                em.createNativeQuery("insert into sbx_poi (account_id, sid, poi_id, business_name, branch_name,"
                        + " province, city, district, address, telephone, categories, longitude, latitude,"
                        + " available_state) values (?1, ?2, ?3, ?4, ?5, '广东省', '广州市', ?6, ?7, '020-88888888',"
                        + " '美食,小吃快餐', ?8, ?9, ?10) on conflict (account_id, sid) do nothing")
                        .setParameter(1, account.id).setParameter(2, seed.sid()).setParameter(3, CardIds.digits(9))
                        .setParameter(4, "沙箱餐厅").setParameter(5, seed.branch()).setParameter(6, seed.district())
                        .setParameter(7, seed.address()).setParameter(8, seed.lng()).setParameter(9, seed.lat())
                        .setParameter(10, seed.state()).executeUpdate();
            }
        }
        return PoiStore.list("accountId = ?1 order by sid", account.id);
    }
}
