package io.kaquan.agency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An authorization link handed to a signed-in user: the return with auth_code is accepted from that user only, once. */
@Entity
@Table(name = "agency_link")
public class AuthorizationLink extends PanacheEntityBase {

    @Id
    public String nonce;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
