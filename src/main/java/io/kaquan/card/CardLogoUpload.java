package io.kaquan.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.wizard.WizardMsg;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;

/**
 * A new logo for a card being edited: the picture goes to WeChat (media/uploadimg) and its URL back into the edit
 * form, where saving sends it with the other changes (the card is not changed before that).
 */
@ApplicationScoped
public class CardLogoUpload {

    @Inject
    CardUpdate update;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    I18n i18n;

    /** @return the picture's URL at WeChat */
    public String upload(String cardId, String filename, String contentType, byte[] content) {
        update.editable(cardId); // an operator's own card, or 403/404
        WizardMsg msg = i18n.bundle(WizardMsg.class);
        if (content == null || content.length == 0) {
            throw new ActionRefused(msg.errImageType());
        }
        CardImages.Problem problem = CardImages.problem(content);
        if (problem != null) {
            throw new ActionRefused(problem == CardImages.Problem.TOO_LARGE ? msg.errImageSize() : msg.errImageType());
        }
        try {
            return gateway.forTenant(currentTenant.id()).uploadImage(filename, content, contentType);
        } catch (WeChatException e) {
            throw new ActionRefused(msg.errUpload(WeChatErrors.message(i18n.bundle(WeChatMsg.class), e)));
        }
    }
}
