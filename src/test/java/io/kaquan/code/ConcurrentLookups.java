package io.kaquan.code;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.kaquan.testing.Session;

/**
 * Many code lookups sent at the same moment, each its own request on its own connection: every lookup holds one of
 * the app's worker threads while it asks WeChat (the built-in sandbox, over HTTP, on the same node) for the code. Used
 * by the bench {@code bench/sandbox-self-call}.
 */
final class ConcurrentLookups {

    /** A page that shows the code's status: WeChat (the sandbox) answered the lookup. */
    static final String FOUND = "id=\"result-status\"";

    /**
     * What the lookups got: per lookup "found" (the code's status shown), "no status" (a page without it: WeChat did
     * not answer) or "no page" (no answer in time); their latencies; the time for all.
     */
    record Outcome(List<String> results, List<Duration> latencies, Duration wall) {

        long found() {
            return results.stream().filter("found"::equals).count();
        }

        Map<String, Long> tally() {
            return results.stream().collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        }

        Duration percentile(double p) {
            List<Duration> sorted = latencies.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
        }
    }

    private ConcurrentLookups() {
    }

    /** {@code callers} lookups of the codes in turn, all at once, as the session's user; each waits up to timeout. */
    static Outcome lookUpAtOnce(Session user, long tenant, List<String> codes, int callers, Duration timeout) {
        String cookies = user.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        URI app = Session.appUrl();
        // One connection per caller (HTTP/1.1, no reuse while busy): as many browsers at the counter at once.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < callers; i++) {
            HttpRequest request = HttpRequest.newBuilder(app.resolve("/t/" + tenant + "/codes/lookup?checkConsume=true"
                    + "&code=" + codes.get(i % codes.size()))).header("Cookie", cookies).timeout(timeout).GET()
                    .build();
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latencies.add(Duration.ofNanos(System.nanoTime() - sent));
                if (failure != null) {
                    return "no page";
                }
                return response.statusCode() == 200 && response.body().contains(FOUND) ? "found"
                        : "no status (" + response.statusCode() + ")";
            }));
        }
        List<String> results = answers.stream().map(CompletableFuture::join).toList();
        return new Outcome(results, List.copyOf(latencies), Duration.ofNanos(System.nanoTime() - start));
    }
}
