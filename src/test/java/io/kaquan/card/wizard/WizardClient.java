package io.kaquan.card.wizard;

import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.testing.Session;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Drives the wizard over HTTP like a browser with JavaScript off: multipart forms, 303s, pages. */
final class WizardClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DRAFT = Pattern.compile(".*/t/\\d+/cards/new/(\\d+)/[a-z]+$");

    final Session session;
    final long tenantId;
    /** The flash of the last redirect, shown by the next page like a browser would. */
    private String flash;

    WizardClient(Session session, long tenantId) {
        this.session = session;
        this.tenantId = tenantId;
    }

    String base() {
        return "/t/" + tenantId + "/cards/new";
    }

    /** Starts a draft of the type; answers its id. */
    long start(String type) {
        String location = session.request().formParam("card_type", type).post(base()).then().statusCode(303)
                .header("Location", matchesPattern(".*/cards/new/\\d+/face$")).extract().header("Location");
        Matcher m = DRAFT.matcher(location);
        m.matches();
        return Long.parseLong(m.group(1));
    }

    /** Posts a step like the browser's multipart form; answers the Location of the 303. */
    String post(long draft, String step, Map<String, String> fields, Map<String, byte[]> files) {
        Response response = multipart(fields, files).post(base() + "/" + draft + "/" + step);
        response.then().statusCode(303);
        flash = response.getCookie("kaquan-flash");
        return response.header("Location");
    }

    RequestSpecification multipart(Map<String, String> fields, Map<String, byte[]> files) {
        RequestSpecification request = session.request().contentType("multipart/form-data");
        fields.forEach((name, value) -> {
            for (String one : name.equals("poi") ? List.of(value.split(",")) : List.of(value)) {
                request.multiPart(new MultiPartSpecBuilder(one).controlName(name).charset(StandardCharsets.UTF_8)
                        .build());
            }
        });
        files.forEach((name, content) -> request.multiPart(name, name + (content.length > 2 && content[0] == (byte) 0xFF
                ? ".jpg"
                : ".png"), content, content.length > 2 && content[0] == (byte) 0xFF ? "image/jpeg" : "image/png"));
        if (fields.isEmpty() && files.isEmpty()) {
            request.multiPart(new MultiPartSpecBuilder("next").controlName("go").build());
        }
        return request;
    }

    /** Posts each step's fields from one map of everything entered, in order, pictures where they belong. */
    void walk(long draft, String type, Map<String, String> entered, Map<String, byte[]> pictures) {
        for (WizardStep step : List.of(WizardStep.FACE, WizardStep.DETAILS, WizardStep.RULES, WizardStep.STORES,
                WizardStep.ENTRIES, WizardStep.ADVANCED)) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : CardForm.fieldsOf(step, type)) {
                if (entered.containsKey(field)) {
                    fields.put(field, entered.get(field));
                }
            }
            if (step == WizardStep.STORES) {
                fields.put("poi", entered.getOrDefault("poi", ""));
            }
            fields.put("go", "next");
            Map<String, byte[]> files = new LinkedHashMap<>();
            pictures.forEach((name, content) -> {
                if (CardForm.fieldsOf(step, type).contains(name + "_url")) {
                    files.put(name, content);
                }
            });
            String location = post(draft, step.slug(), fields, files);
            if (!location.endsWith("/" + draft + "/" + step.next().slug())) {
                throw new AssertionError(step + " refused: " + location + "\n" + page(draft, step.slug()));
            }
        }
    }

    String page(long draft, String step) {
        RequestSpecification request = session.request();
        if (flash != null && !flash.isEmpty()) {
            request.cookie("kaquan-flash", flash);
        }
        flash = null;
        return request.get(base() + "/" + draft + "/" + step).then().statusCode(200).extract().asString();
    }

    /** The review page's JSON (what will be sent) and its digest. */
    Review review(long draft) {
        String html = page(draft, "review");
        Matcher json = Pattern.compile("<pre class=\"wizard-json\" id=\"sent-json\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(html);
        Matcher digest = Pattern.compile("name=\"digest\" value=\"([0-9a-f]+)\"").matcher(html);
        if (!json.find() || !digest.find()) {
            throw new AssertionError("No JSON on the review page:\n" + html);
        }
        try {
            return new Review(JSON.readTree(unescape(json.group(1))), digest.group(1), html);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    record Review(JsonNode body, String digest, String html) {
    }

    Response submit(long draft, String digest) {
        Response response = session.request().formParam("digest", digest).post(base() + "/" + draft + "/submit");
        flash = response.getCookie("kaquan-flash");
        return response;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static CardDraft stored(long tenantId, long draft) {
        return QuarkusTransaction.requiringNew().call(() -> CardDraft.of(tenantId, draft).orElse(null));
    }
}
