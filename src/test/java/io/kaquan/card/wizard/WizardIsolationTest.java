package io.kaquan.card.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Drafts and cards of one tenant are invisible and unchangeable from another; viewers cannot create cards. */
@QuarkusTest
class WizardIsolationTest {

    static Session owner;
    static Session stranger;
    static Session viewer;
    static long tenantA;
    static long tenantB;
    static long draftA;
    static String cardOfA;

    @BeforeAll
    static void tenants() {
        owner = Session.login("wizard-iso-owner");
        stranger = Session.login("wizard-iso-stranger");
        viewer = Session.login("carol");
        tenantA = TestTenants.register(owner, "甲");
        tenantB = TestTenants.register(owner, "乙");
        TestTenants.register(stranger, "丙");
        TestTenants.addMember(owner, tenantA, "carol@example.com", "VIEWER");
        draftA = new WizardClient(owner, tenantA).start("CASH");
        cardOfA = TestCards.create(tenantA, "GIFT");
    }

    @Test
    void aDraftOfAnotherTenantIsNotFound() {
        String other = "/t/" + tenantB + "/cards/new/" + draftA;
        owner.request().get(other + "/face").then().statusCode(404);
        owner.request().get(other).then().statusCode(404);
        owner.request().formParam("title", "偷改").formParam("go", "next").post(other + "/face").then().statusCode(404);
        owner.request().formParam("digest", "").post(other + "/submit").then().statusCode(404);
        owner.request().post(other + "/delete").then().statusCode(404);
        owner.request().get("/t/" + tenantA + "/cards/new/" + draftA + "/face").then().statusCode(200);
        owner.request().get("/t/" + tenantA + "/cards/new/" + draftA + "/nonsense").then().statusCode(404);
    }

    @Test
    void strangersSeeNothing() {
        stranger.request().get("/t/" + tenantA + "/cards/new").then().statusCode(404);
        stranger.request().get("/t/" + tenantA + "/cards/new/" + draftA + "/face").then().statusCode(404);
        stranger.request().formParam("card_type", "CASH").post("/t/" + tenantA + "/cards/new").then().statusCode(404);
    }

    @Test
    void aSimilarCardOnlyFromTheTenantsOwnCards() {
        owner.request().formParam("cardId", cardOfA).post("/t/" + tenantB + "/cards/new/similar").then()
                .statusCode(404);
        owner.request().formParam("cardId", cardOfA).post("/t/" + tenantA + "/cards/new/similar").then()
                .statusCode(303);
    }

    @Test
    void viewersCannotCreateCards() {
        viewer.request().get("/t/" + tenantA + "/cards/new").then().statusCode(403);
        viewer.request().formParam("card_type", "CASH").post("/t/" + tenantA + "/cards/new").then().statusCode(403);
        viewer.request().get("/t/" + tenantA + "/cards/new/" + draftA + "/face").then().statusCode(403);
        viewer.request().formParams(Map.of("digest", "")).post("/t/" + tenantA + "/cards/new/" + draftA + "/submit")
                .then().statusCode(403);
        String titleBefore = WizardClient.stored(tenantA, draftA).value("title");
        viewer.request().formParam("title", "观察者改的").formParam("go", "next")
                .post("/t/" + tenantA + "/cards/new/" + draftA + "/face").then().statusCode(403);
        viewer.request().contentType("multipart/form-data").multiPart("title", "观察者改的").multiPart("go", "next")
                .post("/t/" + tenantA + "/cards/new/" + draftA + "/face").then().statusCode(403);
        assertEquals(titleBefore, WizardClient.stored(tenantA, draftA).value("title"), "the draft is unchanged");
        viewer.request().post("/t/" + tenantA + "/cards/new/" + draftA + "/delete").then().statusCode(403);
        assertNotNull(WizardClient.stored(tenantA, draftA), "the draft is still there");
        long drafts = draftsOf(tenantA);
        viewer.request().formParam("cardId", cardOfA).post("/t/" + tenantA + "/cards/new/similar").then()
                .statusCode(403);
        assertEquals(drafts, draftsOf(tenantA), "no draft started");
    }

    private static long draftsOf(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> CardDraft.count("tenantId", tenantId));
    }
}
