package io.kaquan.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A signed-in user's pages fetched as a browser fetches them, over a kept-alive connection, for the page benches: they
 * time the page, not their client (RestAssured opens a connection and runs Groovy for every request). The JDK's client
 * holds the session's cookies in its jar, which also takes the renewed session cookie the app may send.
 */
public final class BenchClient {

    private final URI base = Session.appUrl();
    private final HttpClient client;

    public BenchClient(Session session) {
        CookieManager jar = new CookieManager();
        session.cookies().forEach((name, value) -> {
            HttpCookie cookie = new HttpCookie(name, value);
            cookie.setPath("/");
            cookie.setVersion(0);
            jar.getCookieStore().add(base, cookie);
        });
        client = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The page at this path of the app (query included); anything but a 200 fails the bench. */
    public String get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = base.resolve(pathAndQuery);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
