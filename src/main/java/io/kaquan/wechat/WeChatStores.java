package io.kaquan.wechat;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** cgi-bin/poi/getpoilist (§5.12): the merchant's stores; only approved ones (available_state 3) have a poi_id. */
public final class WeChatStores {

    private WeChatStores() {
    }

    @RegisterForReflection
    public record Page(List<Business> businessList, int totalCount) {
        public Page {
            businessList = businessList == null ? List.of() : List.copyOf(businessList);
        }
    }

    @RegisterForReflection
    public record Business(Store baseInfo) {
    }

    /** @param availableState 1 system error, 2 in review, 3 approved, 4 rejected */
    @RegisterForReflection
    public record Store(String sid, String poiId, String businessName, String branchName, String province,
            String city, String district, String address, String telephone, List<String> categories,
            Integer availableState, Integer updateStatus) {

        public boolean approved() {
            return availableState != null && availableState == 3 && poiId != null && !poiId.isBlank();
        }
    }

    @RegisterForReflection
    record ListRequest(int begin, int limit) {
    }
}
