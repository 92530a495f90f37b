package io.kaquan.account;

import java.util.Locale;

/** What a member may do in a tenant; each role includes everything the roles below it may do. */
public enum Role {
    /** Credentials, members, everything else. */
    OWNER,
    /** Card and code operations. */
    OPERATOR,
    /** Reading only. */
    VIEWER;

    public boolean includes(Role required) {
        return ordinal() <= required.ordinal();
    }

    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
