package io.kaquan.sandbox.open;

import java.util.Arrays;
import java.util.Optional;

/** The permission sets (权限集) the sandbox's authorization page offers, by WeChat's funcscope_category id. */
public enum PermissionSet {
    MESSAGES(1),
    ACCOUNTS(3),
    CARDS(8),
    MATERIALS(11),
    STORES(13);

    public final int id;

    PermissionSet(int id) {
        this.id = id;
    }

    public static Optional<PermissionSet> of(int id) {
        return Arrays.stream(values()).filter(set -> set.id == id).findFirst();
    }
}
