package io.kaquan.sandbox.cards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an account's card test whitelist (card/testwhitelist/set): an OpenID or a WeChat username. */
@Entity(name = "SandboxCardWhitelistEntry")
@Table(name = "sbx_card_whitelist")
public class CardWhitelistEntry extends PanacheEntityBase {

    public static final String OPENID = "OPENID";
    public static final String USERNAME = "USERNAME";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String value;

    public static boolean listed(Long accountId, String openid) {
        return count("accountId = ?1 and kind = ?2 and value = ?3", accountId, OPENID, openid) > 0;
    }
}
