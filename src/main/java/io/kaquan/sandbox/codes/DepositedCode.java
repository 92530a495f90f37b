package io.kaquan.sandbox.codes;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A code deposited into a custom-code card (card/code/deposit), waiting to be received. */
@Entity(name = "SandboxDepositedCode")
@Table(name = "sbx_deposit_code")
public class DepositedCode extends PanacheEntityBase {

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
    public boolean received;

    /** The next deposited code nobody received yet, locked (a user receiving the card gets it). */
    public static Optional<DepositedCode> nextFree(Long cardPk) {
        return find("cardPk = ?1 and received = false order by id", cardPk).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
