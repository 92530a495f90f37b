package io.kaquan.wechat;

import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Token modes in the visitor's language, for templates ({@code {mode.label}}) and flash messages. */
@TemplateExtension
public class WeChatTexts {

    public static String label(TokenMode mode) {
        WeChatMsg msg = msg();
        return switch (mode) {
            case STABLE -> msg.tokenMode_STABLE();
            case CLASSIC -> msg.tokenMode_CLASSIC();
            case AUTHORIZED -> msg.tokenMode_AUTHORIZED();
        };
    }

    public static String help(TokenMode mode) {
        WeChatMsg msg = msg();
        return switch (mode) {
            case STABLE -> msg.tokenModeHelp_STABLE();
            case CLASSIC -> msg.tokenModeHelp_CLASSIC();
            case AUTHORIZED -> msg.tokenModeHelp_AUTHORIZED();
        };
    }

    private static WeChatMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(WeChatMsg.class);
    }
}
