package io.kaquan.tenant;

import io.kaquan.account.AppUser;
import io.kaquan.account.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** What the layout shows on every page: the user menu, the tenant switcher and the current tenant's navigation. */
@TemplateGlobal
public class Layout {

    static AppUser currentUser() {
        CurrentUser user = Arc.container().instance(CurrentUser.class).get();
        return user.isSignedIn() ? user.user() : null;
    }

    static boolean platformAdmin() {
        return Arc.container().instance(CurrentUser.class).get().isPlatformAdmin();
    }

    static CurrentTenant currentTenant() {
        return Arc.container().instance(CurrentTenant.class).get();
    }

    /** The switcher's first accounts; agencies have hundreds, found by its search ({@link SwitcherPages}). */
    static SwitcherPages.Found switcher() {
        AppUser user = currentUser();
        return user == null ? SwitcherPages.Found.NONE : SwitcherPages.find(user.id, "", SwitcherPages.MENU_SIZE);
    }
}
