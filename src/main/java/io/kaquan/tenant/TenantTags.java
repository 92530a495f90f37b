package io.kaquan.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.I18n;

/**
 * Tags that group accounts (an agency tags each account with its client's name): shared by the account's members,
 * changed by operators and owners, a few short words per account.
 */
@ApplicationScoped
public class TenantTags {

    public static final int MAX_TAGS = 5;
    public static final int MAX_LENGTH = 20;

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    /** The tags of each of the given accounts, in alphabetical order; accounts without tags are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<String>> of(Collection<Long> tenantIds) {
        Map<Long, List<String>> tags = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return tags;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, tag from tenant_tag where tenant_id = any(?1)"
                + " order by tenant_id, lower(tag), tag").setParameter(1, tenantIds.toArray(Long[]::new))
                .getResultList();
        for (Object[] row : rows) {
            tags.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add((String) row[1]);
        }
        return tags;
    }

    /**
     * Replaces the current account's tags with the ones typed (separated by commas, 、 or spaces).
     *
     * @return the tags now set
     */
    @Transactional
    public List<String> replace(String typed) {
        currentTenant.require(Role.OPERATOR);
        List<String> tags = parse(typed, i18n.bundle(TenantMsg.class));
        long tenantId = currentTenant.id();
        em.createNativeQuery("delete from tenant_tag where tenant_id = ?1").setParameter(1, tenantId).executeUpdate();
        for (String tag : tags) {
            em.createNativeQuery("insert into tenant_tag (tenant_id, tag) values (?1, ?2)").setParameter(1, tenantId)
                    .setParameter(2, tag).executeUpdate();
        }
        audit.record(tenantId, AuditAction.TENANT_TAGS_CHANGED, currentTenant.get().displayName,
                String.join("、", tags));
        return tags;
    }

    /** The tags in a typed text: trimmed, duplicates (ignoring case) once, refused when too many or too long. */
    static List<String> parse(String typed, TenantMsg msg) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (String part : (typed == null ? "" : typed).split("[,，、;；\\s]+")) {
            String tag = part.strip();
            if (tag.isEmpty() || !seen.add(tag.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
                throw new ActionRefused(msg.tagTooLong(tag, MAX_LENGTH));
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new ActionRefused(msg.tooManyTags(MAX_TAGS));
        }
        return tags;
    }
}
