package io.kaquan.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user of this request, resolved once. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    SignIn signIn;

    @Inject
    AccountsConfig config;

    @Inject
    io.kaquan.web.RequestLocale requestLocale;

    private AppUser user;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public AppUser user() {
        if (user == null) {
            if (!isSignedIn()) {
                throw new UnauthorizedException();
            }
            user = signIn.userFor(identity, requestLocale.tag());
        }
        return user;
    }

    public Long id() {
        return user().id;
    }

    public boolean isPlatformAdmin() {
        return isSignedIn() && identity.hasRole(config.adminRole());
    }
}
