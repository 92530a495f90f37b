package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: the merchant sees the logo they uploaded (mmbiz.qpic.cn is unreachable offline and refuses other sites):
 * pictures come through Kaquan — a sandbox tenant's from the sandbox's copy — and only the tenant's own cards' ones.
 */
@QuarkusTest
class CardPicturesTest {

    @Test
    void cardPageShowsTheUploadedLogoThroughKaquanAndNothingElseIsFetched() {
        Session owner = Session.login("pictures-owner");
        long tenant = CallbackFixtures.account(owner, "PLAIN").tenantId();
        String cardId = TestCards.approved(tenant, "CASH");
        String logo = TestCards.stored(tenant, cardId).logoUrl;
        String picture = "/t/" + tenant + "/pictures?url=" + URLEncoder.encode(logo, StandardCharsets.UTF_8);

        String page = owner.request().get("/t/" + tenant + "/cards/" + cardId).then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("src=\"" + picture.replace("&", "&amp;") + "\""), page);
        assertFalse(page.contains("src=\"http://mmbiz"), "no picture straight from WeChat's host");
        String pictures = "/t/" + tenant + "/pictures";
        // (REST Assured encodes query parameters itself: the URL goes in as a parameter, not in the path)
        byte[] shown = owner.browse().queryParam("url", logo).get(pictures).then().statusCode(200).contentType("image/png")
                .extract()
                .asByteArray();
        assertArrayEquals(TestCards.PNG, shown);

        // Not an open proxy: other URLs, other hosts, and another tenant's pictures are all 404.
        for (String url : new String[] { "http://mmbiz.qpic.cn/sandbox/AAAAAAAAAAAAAAAAAAAA/0",
                "http://127.0.0.1:5432/", "file:///etc/passwd", "https://example.com/logo.png", "" }) {
            owner.request().queryParam("url", url).get(pictures).then().statusCode(404);
        }
        owner.request().get("/t/" + tenant + "/pictures").then().statusCode(404);
        Session stranger = Session.login("pictures-stranger");
        long strangers = CallbackFixtures.account(stranger, "PLAIN").tenantId();
        stranger.request().queryParam("url", logo).get(pictures).then().statusCode(404);
        stranger.request().queryParam("url", logo).get("/t/" + strangers + "/pictures").then().statusCode(404);
    }
}
