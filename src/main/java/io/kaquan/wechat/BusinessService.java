package io.kaquan.wechat;

/** The services a card may list (advanced_info.business_service), as WeChat names them. */
public enum BusinessService {
    BIZ_SERVICE_DELIVER,
    BIZ_SERVICE_FREE_PARK,
    BIZ_SERVICE_WITH_PET,
    BIZ_SERVICE_FREE_WIFI
}
