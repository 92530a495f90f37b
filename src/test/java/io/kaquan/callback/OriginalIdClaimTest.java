package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.postPlain;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallbackCrypto;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13 §3: registration proves the appid, not the original id. A claim on an original id stays provisional until
 * the callback proves it; provisional claims block nobody, a proven one blocks every other and gets the pushes.
 */
@QuarkusTest
class OriginalIdClaimTest {

    static Session squatter;
    static Session merchant;

    @Inject
    DataSource db;

    @BeforeAll
    static void signIn() {
        squatter = Session.login("squatter" + TestTenants.hex(4));
        merchant = Session.login("alice");
    }

    @Test
    void shouldNotLetAnUnprovenClaimBlockTheRealOwnerWhoseSignedPushProvesIt() {
        String originalId = TestTenants.originalId();
        // The squatter's own account (its appid and secret are real), registered under someone else's original id.
        Map<String, String> squat = TestTenants.validForm("抢注者");
        squat.put("originalId", originalId);
        squat.put("messageMode", "PLAIN");
        squat.put("callbackToken", "SquatToken1");
        long squatted = TestTenants.register(squatter, squat);
        squatter.request().get("/t/" + squatted + "/settings").then().statusCode(200)
                .body(containsString("尚未证实"));

        // The real merchant registers the same original id: allowed while the first claim is unproven.
        Map<String, String> real = TestTenants.validForm("真正的商户");
        real.put("originalId", originalId);
        real.put("messageMode", "PLAIN");
        real.put("callbackToken", "RealToken1");
        long owned = TestTenants.register(merchant, real);

        // WeChat's push, signed with the merchant's token, goes to the merchant and proves the claim.
        postPlain("RealToken1", xml(originalId, 1700000101)).then().statusCode(200).body(equalTo("success"));
        assertEquals(1, count(db, "select count(*) from wechat_event where tenant_id = ?", owned));
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", squatted));
        assertEquals(1, count(db, "select count(*) from tenant where id = ? and original_id_verified_at is not null",
                owned));
        merchant.request().get("/t/" + owned + "/settings").then().body(containsString("已证实"));
        squatter.request().get("/t/" + squatted + "/settings").then()
                .body(containsString("另一个 Kaquan 账号已证实拥有此原始ID"));

        // Now the squatter's pushes are refused (the proven claim takes them all), and nobody can register it again.
        postPlain("SquatToken1", xml(originalId, 1700000102)).then().statusCode(403);
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", squatted));
        Map<String, String> third = TestTenants.validForm("第三个");
        third.put("originalId", originalId);
        squatter.request().formParams(third).post("/tenants").then().statusCode(303)
                .header("Location", endsWith("/tenants/new"));
        assertEquals(2, count(db, "select count(*) from tenant where original_id = ?", originalId));
    }

    @Test
    void shouldProveAClaimByWeChatsUrlVerification() {
        String originalId = TestTenants.originalId();
        Map<String, String> first = TestTenants.validForm("先登记");
        first.put("originalId", originalId);
        first.put("callbackToken", "FirstToken1");
        long unproven = TestTenants.register(squatter, first);
        Map<String, String> second = TestTenants.validForm("后登记");
        second.put("originalId", originalId);
        second.put("callbackToken", "SecondToken1");
        long proven = TestTenants.register(merchant, second);

        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        given().queryParam("signature", CallbackCrypto.signature("SecondToken1", timestamp, "42"))
                .queryParam("timestamp", timestamp).queryParam("nonce", "42").queryParam("echostr", "hello")
                .queryParam("t", originalId).get("/wechat/callback").then().statusCode(200).body(equalTo("hello"));
        assertEquals(1, count(db, "select count(*) from tenant where id = ? and original_id_verified_at is not null",
                proven));
        assertEquals(0, count(db, "select count(*) from tenant where id = ? and original_id_verified_at is not null",
                unproven));
        // The unproven claim can no longer pass the verification either.
        given().queryParam("signature", CallbackCrypto.signature("FirstToken1", timestamp, "43"))
                .queryParam("timestamp", timestamp).queryParam("nonce", "43").queryParam("echostr", "again")
                .queryParam("t", originalId).get("/wechat/callback").then().statusCode(403);
    }

    private static String xml(String originalId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><FromUserName><![CDATA[o"
                + TestTenants.hex(10) + "]]></FromUserName><CreateTime>" + createTime
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_get_card]]></Event></xml>";
    }
}
