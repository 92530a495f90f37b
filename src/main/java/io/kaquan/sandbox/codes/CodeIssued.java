package io.kaquan.sandbox.codes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A code issued to a (simulated) user: the user's card, with its own validity and status. */
@Entity(name = "SandboxCode")
@Table(name = "sbx_code")
public class CodeIssued extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "card_pk", nullable = false)
    public Long cardPk;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String openid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SimulatedCodeStatus status;

    /** What card/code/decrypt turns back into the code (the encrypt_code of custom-URL jumps). */
    @Column(name = "encrypt_code", nullable = false, unique = true)
    public String encryptCode;

    @Column(name = "outer_id", nullable = false)
    public long outerId;

    @Column(name = "outer_str", nullable = false)
    public String outerStr = "";

    /** The giver's code when this one came as a gift (OldUserCardCode). */
    @Column(name = "old_code")
    public String oldCode;

    /** The giver's OpenID when this one came as a gift (FriendUserName). */
    @Column(name = "given_by")
    public String givenBy;

    @Column(name = "begin_at", nullable = false)
    public Instant beginAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    @Column(name = "consume_source")
    public String consumeSource;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<CodeIssued> byCode(Long accountId, String code) {
        return find("accountId = ?1 and code = ?2", accountId, code).firstResultOptional();
    }

    public static Optional<CodeIssued> byCodeForUpdate(Long accountId, String code) {
        return find("accountId = ?1 and code = ?2", accountId, code).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Codes with this text in every account (admin paths name a code without its account). */
    public static List<CodeIssued> everywhere(String code) {
        return list("code", code);
    }
}
