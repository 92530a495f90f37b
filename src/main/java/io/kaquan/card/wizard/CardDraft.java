package io.kaquan.card.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.wechat.CardType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A card being made in the wizard: the fields as entered, the step reached, and the submission intent. */
@Entity
@Table(name = "card_draft")
public class CardDraft extends PanacheEntityBase {

    public enum State {
        EDITING,
        /** card/create was sent (or is about to be) and its outcome is not known: reconcile before sending again. */
        SUBMITTING,
        DONE
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "card_type", nullable = false)
    public String cardType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String data = "{}";

    @Column(nullable = false)
    public String step = "face";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.EDITING;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sent_json")
    public String sentJson;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "card_id")
    public String cardId;

    @Column(name = "source_card_id")
    public String sourceCardId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<CardDraft> of(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The draft, locked against a second submit racing this one. */
    public static Optional<CardDraft> locked(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static List<CardDraft> openOfTenant(long tenantId) {
        return list("tenantId = ?1 and state <> ?2 order by updatedAt desc, id desc", tenantId, State.DONE);
    }

    /** The card type as WeChat's enum (the column holds its wire name). */
    public CardType type() {
        return CardType.of(cardType);
    }

    public Map<String, String> fields() {
        try {
            return JSON.readValue(data, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void fields(Map<String, String> fields) {
        try {
            data = JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The title entered so far, for lists of drafts. */
    public String label() {
        String title = value("title");
        return title.isBlank() ? "—" : title;
    }

    /** A field as entered, "" when never entered. */
    public String value(String name) {
        String value = fields().get(name);
        return value == null ? "" : value;
    }
}
