package io.kaquan.tenant;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.web.BoundedInput;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;

/** Sets an account's tags, from wherever the user typed them (the cross-account overview), and goes back there. */
@Path("/t/{tenant}/tags")
public class TenantTagPages {

    @Inject
    TenantTags tags;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @POST
    public RestResponse<Void> replace(@RestForm String tags, @RestForm String back) {
        String to = BoundedInput.backPath(back, "/t/" + currentTenant.id());
        return forms.submit(to, () -> {
            List<String> saved = this.tags.replace(tags);
            TenantMsg msg = i18n.bundle(TenantMsg.class);
            String name = currentTenant.get().displayName;
            flash.success(saved.isEmpty() ? msg.tagsCleared(name) : msg.tagsSaved(name, String.join("、", saved)));
            return to;
        });
    }
}
