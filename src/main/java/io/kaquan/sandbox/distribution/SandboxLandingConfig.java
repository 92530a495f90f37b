package io.kaquan.sandbox.distribution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's landing pages (kaquan.sandbox-landing.*): the unverified facts, chosen as the likeliest. */
@ConfigMapping(prefix = "kaquan.sandbox-landing")
public interface SandboxLandingConfig {

    /**
     * ⚠ What the user_get_card of a receipt from a landing page carries as OuterStr. WeChat's landingpage card_list
     * has no outer_str, so by default it carries none (empty); true puts the page's scene there (SCENE_MENU…), for
     * a product that wants to tell pages apart by it.
     */
    @WithDefault("false")
    boolean outerStrIsScene();

    /** ⚠ page_title's length in characters; WeChat documents no limit (a phone's title bar shows about 16). */
    @WithDefault("32")
    int titleMax();
}
