package io.kaquan.tenant;

import jakarta.enterprise.context.RequestScoped;

import io.kaquan.account.Role;
import io.quarkus.security.ForbiddenException;

/** The tenant of a {@code /t/{tenant}/…} request and the current user's role in it, checked once by {@link TenantEdge}. */
@RequestScoped
public class CurrentTenant {

    private Tenant tenant;
    private Role role;

    void enter(Tenant tenant, Role role) {
        this.tenant = tenant;
        this.role = role;
    }

    public boolean isPresent() {
        return tenant != null;
    }

    public Tenant get() {
        if (tenant == null) {
            throw new IllegalStateException("Not inside /t/{tenant}");
        }
        return tenant;
    }

    public Long id() {
        return get().id;
    }

    public Role role() {
        get();
        return role;
    }

    /** Refuses (403) unless the current user's role includes the given one. */
    public void require(Role required) {
        if (!role().includes(required)) {
            throw new ForbiddenException();
        }
    }

    public boolean can(String required) {
        return tenant != null && role.includes(Role.valueOf(required));
    }
}
