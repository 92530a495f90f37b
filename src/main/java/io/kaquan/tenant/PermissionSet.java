package io.kaquan.tenant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The permission sets (权限集) an official account grants a third-party platform, by WeChat's funcscope_category id;
 * shown in words through {@link AuthorizationMsg#permissionSet}.
 */
public enum PermissionSet {
    MESSAGES(1),
    USERS(2),
    ACCOUNT_SERVICES(3),
    WEB_SERVICES(4),
    SHOP(5),
    CUSTOMER_SERVICE(6),
    MASS_MESSAGES(7),
    CARDS(8),
    SCAN(9),
    WIFI(10),
    MATERIALS(11),
    SHAKE(12),
    STORES(13),
    MENU(15);

    public final int id;

    PermissionSet(int id) {
        this.id = id;
    }

    public static Optional<PermissionSet> of(int id) {
        return Arrays.stream(values()).filter(set -> set.id == id).findFirst();
    }

    /** The ids stored in {@code tenant.permission_sets} (comma-separated), known or not. */
    static List<Integer> ids(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(id -> id.matches("[0-9]{1,9}"))
                .map(Integer::valueOf).toList();
    }

    static List<PermissionSet> parse(String stored) {
        return ids(stored).stream().map(PermissionSet::of).flatMap(Optional::stream).toList();
    }
}
