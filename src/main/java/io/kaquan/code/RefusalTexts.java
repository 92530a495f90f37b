package io.kaquan.code;

import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** A refused lookup in words ({l.refusal}): WeChat's errcode alone tells a cashier nothing. */
@TemplateExtension
public class RefusalTexts {

    static String refusal(CodeLookup lookup) {
        String errcode = lookup.errcode();
        if (errcode == null || !errcode.matches("-?\\d{1,9}")) {
            return "";
        }
        WeChatMsg msg = Arc.container().instance(I18n.class).get().bundle(WeChatMsg.class);
        return WeChatErrors.message(msg, null, Integer.parseInt(errcode), null);
    }
}
