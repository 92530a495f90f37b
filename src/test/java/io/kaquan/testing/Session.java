package io.kaquan.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * A user signed in through the real OIDC code flow of the in-process OIDC dev service, as a browser would:
 * the app redirects to the provider's login page, the user picks an identity, the provider redirects back.
 * Requests made with {@link #request()} carry that user's session cookies.
 */
public final class Session {

    private static final Pattern HIDDEN = Pattern.compile("<input type='hidden' name='([^']+)' value='([^']*)'>");

    /**
     * Sessions signed in during this test run, by user and roles. A login through the provider costs several requests
     * and ~0.3–2 s; the app treats a user the same on every request of a session (the user record is made at the first
     * one), so each user signs in once per run and tests share the session.
     */
    private static final Map<String, Session> SIGNED_IN = new ConcurrentHashMap<>();

    private final String user;
    private final Map<String, String> cookies;
    private final Instant signedInAt = Instant.now();

    private Session(String user, Map<String, String> cookies) {
        this.user = user;
        this.cookies = cookies;
    }

    public static URI appUrl() {
        return URI.create(ConfigProvider.getConfig().getValue("test.url", String.class) + "/");
    }

    /**
     * Signs in as one of the dev service's users (alice: admin; bob, carol: users) or any other name, once per test
     * run: a later call answers the same session while the app still accepts it.
     */
    public static Session login(String user) {
        return login(user, null);
    }

    /** Signs in with the given roles (comma-separated), through the provider's "custom user" form. */
    public static Session login(String user, String roles) {
        String key = user + "|" + (roles == null ? "" : roles);
        Session known = SIGNED_IN.get(key);
        // The dev provider's tokens live 5 minutes; after that the app refreshes them and answers a new session cookie
        // that a shared test session would not keep. A session is shared for 3 minutes, then signed in again.
        if (known != null && known.signedInAt.isAfter(Instant.now().minusSeconds(180))
                && known.stillSignedIn()) {
            return known;
        }
        Session session = fresh(user, roles);
        SIGNED_IN.put(key, session);
        return session;
    }

    /** Signs in through the provider now, whatever sessions exist (for tests of the login itself, or of logout). */
    public static Session fresh(String user) {
        return fresh(user, null);
    }

    /** {@link #fresh(String)} with the given roles (comma-separated). */
    public static Session fresh(String user, String roles) {
        try {
            CookieManager jar = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(jar)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            URI app = appUrl();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(app).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            URI authorize = location(app, response);
            HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(authorize).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> form = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(loginPage.body());
            while (hidden.find() && !form.containsKey(hidden.group(1))) {
                form.put(hidden.group(1), hidden.group(2));
            }
            if (roles == null && (user.equals("alice") || user.equals("bob") || user.equals("carol"))) {
                form.put("predefined-" + user, user);
            } else {
                form.put("name", user);
                form.put("roles", roles == null ? "kaquan-user" : roles);
                form.put("login", "");
            }
            response = client.send(HttpRequest.newBuilder(authorize.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Follow the redirects back into the app, where the code is exchanged and the session cookie set.
            for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
                URI next = location(response.uri(), response);
                response = client.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Login of " + user + " ended with " + response.statusCode());
            }
            Map<String, String> cookies = new LinkedHashMap<>();
            for (HttpCookie cookie : jar.getCookieStore().get(app)) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
            return new Session(user, cookies);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The app still knows the session (its cookie may have expired, or the test run restarted the app). Asks for the
     * registration form: it needs a session and renders nothing that grows with the user's accounts, as "/" does.
     */
    private boolean stillSignedIn() {
        return request().get("/tenants/new").statusCode() == 200;
    }

    /**
     * A REST Assured request as this user, with the Origin header a browser sends (state-changing requests without
     * Origin, Sec-Fetch-Site or a same-origin Referer are refused); redirects are not followed, so that 303s can be
     * checked.
     */
    public RequestSpecification request() {
        return given().baseUri(base()).cookies(cookies).header("Origin", base())
                .config(UTF8.redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    /** A request as this user that follows redirects, like a browser after a form post. */
    public RequestSpecification browse() {
        return given().baseUri(base()).cookies(cookies).header("Origin", base()).config(UTF8);
    }

    /** Forms are posted in UTF-8, as browsers do for our UTF-8 pages. */
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8));

    /** The app's URL (a random port), also right in @BeforeAll, before REST Assured's port is set. */
    private static String base() {
        String url = appUrl().toString();
        return url.substring(0, url.length() - 1);
    }

    public String user() {
        return user;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    private static URI location(URI base, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Expected a redirect, got " + response.statusCode()));
        return base.resolve(location);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
