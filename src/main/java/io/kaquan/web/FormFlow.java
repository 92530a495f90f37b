package io.kaquan.web;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * Post/Redirect/Get for every form: run the use case, then redirect to where it says; if it refused the input,
 * redirect back to the form with the values, the field errors or the reason kept in the flash.
 */
@RequestScoped
public class FormFlow {

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    /** @param action the use case; returns the path to redirect to on success */
    public RestResponse<Void> submit(String formPath, Supplier<String> action) {
        try {
            return Pages.seeOther(action.get());
        } catch (InvalidFormException e) {
            flash.formFailed(i18n.msg().formInvalid(), e.errors(), e.values());
            return Pages.seeOther(formPath);
        } catch (ActionRefused e) {
            flash.error(e.getMessage());
            return Pages.seeOther(formPath);
        }
    }
}
