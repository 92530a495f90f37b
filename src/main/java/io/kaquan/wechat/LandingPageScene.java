package io.kaquan.wechat;

/** Where a landing page (货架) is put, as card/landingpage/create names it (§5.5); sent under these names. */
public enum LandingPageScene {
    SCENE_NEAR_BY,
    SCENE_MENU,
    SCENE_QRCODE,
    SCENE_ARTICLE,
    SCENE_H5,
    SCENE_IVR,
    SCENE_CARD_CUSTOM_CELL
}
