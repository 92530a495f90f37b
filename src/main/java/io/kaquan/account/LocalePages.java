package io.kaquan.account;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.web.BoundedInput;
import io.kaquan.web.RequestLocale;

/** The language switch in the layout: remembered in a cookie and as the user's preference. */
@Path("/locale")
public class LocalePages {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    CurrentUser currentUser;

    @POST
    @Transactional
    public RestResponse<Void> switchLanguage(@FormParam("lang") String lang, @FormParam("back") String back) {
        String tag = RequestLocale.supportedTag(lang);
        AppUser.update("locale = ?1 where id = ?2", tag, currentUser.id());
        NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE).value("en".equals(tag) ? "en" : "zh")
                .path("/").maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX).build();
        return RestResponse.ResponseBuilder.<Void> seeOther(URI.create(BoundedInput.backPath(back, "/"))).cookie(cookie)
                .build();
    }
}
