package io.kaquan.code;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.tenant.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The codes of one card that Kaquan knows (the code mirror), newest change first, for the card's page. */
@ApplicationScoped
public class KnownCodes {

    static final int SHOWN = 50;

    /** At most {@link #SHOWN} of the card's codes, and how many there are in all. */
    public record OfCard(String cardId, List<CardCode> codes, long total) {
    }

    @Inject
    CurrentTenant currentTenant;

    public OfCard ofCard(String cardId) {
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> new OfCard(cardId,
                CardCode.<CardCode> find("tenantId = ?1 and cardId = ?2 order by updatedAt desc, id desc", tenantId,
                        cardId).page(0, SHOWN).list(),
                CardCode.count("tenantId = ?1 and cardId = ?2", tenantId, cardId)));
    }
}
