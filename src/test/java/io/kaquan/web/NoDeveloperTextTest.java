package io.kaquan.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.callback.CallbackFixtures;
import io.kaquan.demo.DemoTenant;
import io.kaquan.demo.StatsDemo;
import io.kaquan.jobs.JobOutcome;
import io.kaquan.tenant.MessageMode;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.CodeType;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 14: no page shows developer text — an audit code ({@code card.updated}), an enum name (VERIFY_OK, NORMAL,
 * CONSUMED…), a UUID, a cron expression or a bare errcode. Walks every page reachable from the demo tenant's overview
 * and from a sandbox tenant with cards, codes, stock changes, redemptions and events, in both languages (a few pages
 * of each kind: the same template with other ids says the same words).
 */
@QuarkusTest
class NoDeveloperTextTest {

    private static final int PAGES_PER_KIND = 3;
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern UUID = Pattern
            .compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** Six or seven fields of digits and cron signs, at least one of them a * or ?. */
    private static final Pattern CRON = Pattern
            .compile("(?<![\\w/])(?=[^\\n]*[*?])[0-9*/?,-]+(?:\\s+[0-9*/?,LW#A-Z-]+){5,6}(?![\\w/])");
    /**
     * SOME_CONSTANT standing alone: not a run inside an openid or a code, whose alphabet (base64url: letters, digits,
     * "-" and "_") can spell one by chance ("omzmzOnU8Lx8wFBsKaY0-SR_PXWF" failed a run).
     */
    private static final Pattern UNDERSCORED_CONSTANT = Pattern.compile("(?<![\\w-])[A-Z]{2,}(?:_[A-Z0-9]+)+(?![\\w-])");
    /** "微信拒绝（40056）", "Refused by WeChat (40056)": an errcode where the reason should be. */
    private static final Pattern BARE_ERRCODE = Pattern.compile("(?:拒绝|[Rr]efused(?: by WeChat)?)\\s*[（(]-?\\d+[)）]");

    @Inject
    DemoTenant demo;

    @Inject
    StatsDemo statsDemo;

    @Test
    void theCheckFindsAConstantStandingAloneButNotARunInsideAnOpenid() {
        assertEquals(1, findings("状态：SOME_STATE", Set.of()).size());
        assertTrue(findings("omzmzOnU8Lx8wFBsKaY0-SR_PXWF 已处理", Set.of()).isEmpty());
        assertTrue(findings("oUser_AB_CD9 已处理", Set.of()).isEmpty());
    }

    @Test
    void noPageOfTheDemoTenantOrOfABusySandboxTenantShowsDeveloperText() {
        Session alice = Session.login("alice");
        long demoTenant = demo.ensure();
        statsDemo.seed(demoTenant, LocalDate.now(WeChatTime.ZONE), 2);
        long busy = busyTenant(alice);

        List<String> findings = new ArrayList<>();
        for (String language : List.of("zh-CN", "en")) {
            for (long tenant : List.of(demoTenant, busy)) {
                walk(alice, language, tenant, findings);
            }
        }
        assertTrue(findings.isEmpty(), "developer text on pages:\n" + String.join("\n", findings));
    }

    /** A sandbox tenant with approved cards, received and redeemed codes, a stock change and processed events. */
    private static long busyTenant(Session owner) {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        long tenant = account.tenantId();
        String cash = TestCards.approved(tenant, "CASH");
        TestCards.approved(tenant, "DISCOUNT");
        TestCards.create(tenant, "GIFT");
        String received = TestCards.receive(cash);
        String redeemed = TestCards.receive(cash);
        given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/admin/codes/" + redeemed
                + "/consume?appid=" + account.appid()).then().statusCode(200);
        owner.request().formParams(Map.of("direction", "increase", "amount", "5", "reason", "补货"))
                .post("/t/" + tenant + "/cards/" + cash + "/stock").then().statusCode(303);
        owner.request().formParams(Map.of("code", received)).post("/t/" + tenant + "/counter/redeem").then()
                .statusCode(303);
        Awaitility.await("the pushes processed").atMost(Duration.ofSeconds(30)).until(() -> owner.request()
                .get("/t/" + tenant + "/events").then().extract().asString().contains(received));
        return tenant;
    }

    private static void walk(Session user, String language, long tenant, List<String> findings) {
        String root = "/t/" + tenant;
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/sync", root));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Integer> perKind = new HashMap<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            var response = user.browse().cookie(RequestLocale.COOKIE, language.equals("en") ? "en" : "zh-CN")
                    .get(path);
            assertEquals(200, response.statusCode(), language + " " + path);
            String html = response.asString();
            for (String finding : findings(visibleText(html), tenantNames(html))) {
                findings.add(language + " " + path + ": " + finding);
            }
            Matcher link = LINK.matcher(html);
            while (link.find()) {
                String next = link.group(1).replace("&amp;", "&");
                if (!next.startsWith(root) || next.endsWith(".csv") || next.contains("/logout") || !seen.add(next)) {
                    continue;
                }
                String kind = next.replaceAll("[?].*", "").replaceAll("/[^/]*\\d[^/]*", "/#");
                if (perKind.merge(kind, 1, Integer::sum) <= PAGES_PER_KIND) {
                    queue.add(next);
                }
            }
        }
    }

    /**
     * What a person reads: the text outside tags, scripts, styles and the JSON kept for experts ({@code
     *
     *

    <pre>
     * }).
     */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<(script|style|pre|template)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", "\n").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** Account names are the merchant's own words (tests name them after their message mode). */
    private static Set<String> tenantNames(String html) {
        return Pattern.compile("Callback (SAFE|COMPAT|PLAIN)[^<\"]*").matcher(html).results().map(m -> m.group())
                .collect(Collectors.toSet());
    }

    static List<String> findings(String page, Set<String> allowed) {
        String text = page;
        for (String name : allowed) {
            text = text.replace(name, " ");
        }
        String checked = text;
        List<String> found = new ArrayList<>();
        for (AuditAction action : AuditAction.values()) {
            if (text.contains(action.code())) {
                found.add("audit code " + action.code() + " in «" + around(text, action.code()) + "»");
            }
        }
        Set<String> constants = Stream
                .of(CardStatus.values(), UserCardStatus.values(), CallState.values(), CardType.values(),
                        CodeType.values(), Role.values(), MessageMode.values(), JobOutcome.Result.values(),
                        TokenMode.values())
                .flatMap(Arrays::stream).map(Enum::name).filter(name -> name.length() > 2) // "OK" is also English
                .collect(Collectors.toSet());
        for (String constant : constants) {
            if (Pattern.compile("(?<![\\w.-])" + constant + "(?![\\w-])").matcher(text).find()) {
                found.add("enum name " + constant + " in «" + around(text, constant) + "»");
            }
        }
        UNDERSCORED_CONSTANT.matcher(text).results().map(MatchResult::group).filter(c -> !constants.contains(c))
                .distinct().forEach(c -> found.add("constant " + c + " in «" + around(checked, c) + "»"));
        UUID.matcher(text).results().forEach(m -> found.add("UUID " + m.group()));
        CRON.matcher(text).results().forEach(m -> found.add("cron expression «" + m.group().trim() + "»"));
        BARE_ERRCODE.matcher(text).results().forEach(m -> found.add("errcode «" + around(checked, m.group()) + "»"));
        return found;
    }

    private static String around(String text, String part) {
        int at = text.indexOf(part);
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + part.length() + 40))
                .replaceAll("\\s+", " ").trim();
    }
}
