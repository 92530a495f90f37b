package io.kaquan.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Message bundles in the language of this request, for texts composed in Java (flash messages, field errors). */
@RequestScoped
public class I18n {

    @Inject
    RequestLocale requestLocale;

    public <T> T bundle(Class<T> type) {
        return MessageBundles.get(type, Localized.Literal.of(requestLocale.tag()));
    }

    public Msg msg() {
        return bundle(Msg.class);
    }
}
