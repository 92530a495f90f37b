package io.kaquan.distribution;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the distribution use cases share: the current tenant's WeChat client, WeChat's refusals in words, short
 * transactions of their own (WeChat is called outside any database transaction), and the texts.
 */
@ApplicationScoped
class DistributionCalls {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    I18n i18n;

    long tenantId() {
        return currentTenant.id();
    }

    WeChatClient client() {
        return gateway.forTenant(currentTenant.id());
    }

    /** A WeChat call whose failure the merchant reads as WeChat's error in words. */
    <T> T wechat(Supplier<T> call) {
        try {
            return call.get();
        } catch (WeChatException e) {
            throw new ActionRefused(words(e));
        }
    }

    String words(WeChatException e) {
        return WeChatErrors.message(i18n.bundle(WeChatMsg.class), e);
    }

    static <T> T inTx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    DistributionMsg msg() {
        return i18n.bundle(DistributionMsg.class);
    }
}
