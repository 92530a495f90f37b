package io.kaquan.tenant;

/** An authorized account's type as WeChat reports it (service_type_info); in words through {@link AuthorizationMsg}. */
public enum ServiceType {
    SUBSCRIPTION,
    UPGRADED_SUBSCRIPTION,
    SERVICE,
    UNKNOWN;

    static ServiceType of(Integer id) {
        if (id == null) {
            return UNKNOWN;
        }
        return switch (id) {
            case 0 -> SUBSCRIPTION;
            case 1 -> UPGRADED_SUBSCRIPTION;
            case 2 -> SERVICE;
            default -> UNKNOWN;
        };
    }
}
