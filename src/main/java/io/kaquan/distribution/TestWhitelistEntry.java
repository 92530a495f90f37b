package io.kaquan.distribution;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of the account's test whitelist as Kaquan last sent it (WeChat has no API to read it back): an OpenID or
 * a WeChat id (微信号).
 */
@Entity
@Table(name = "test_whitelist_entry")
public class TestWhitelistEntry extends PanacheEntityBase {

    public static final String OPENID = "OPENID";
    public static final String USERNAME = "USERNAME";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String value;

    public static List<String> values(long tenantId, String kind) {
        return find("tenantId = ?1 and kind = ?2 order by id", tenantId, kind).<TestWhitelistEntry> list().stream()
                .map(entry -> entry.value).toList();
    }
}
