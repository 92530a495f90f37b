package io.kaquan.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a merchant's callback server, outside the app: a plain JDK HTTP server on a free port that records
 * what the sandbox pushes and answers as each test scripts it (per path).
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One scripted answer: status and body, optionally after a pause (to provoke the sandbox's timeout). */
    public record Answer(int status, String body, Duration pause) {
        static Answer success() {
            return new Answer(200, "success", Duration.ZERO);
        }
    }

    /** One request as received. */
    public record Received(String path, Map<String, String> query, String body, String contentType, Instant at) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers for the next requests to that path, in order; afterwards "success". */
    public void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    public List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until that many requests reached the path; fails after the timeout. */
    public List<Received> await(String path, int count, Duration timeout) {
        return Awaitility.await(count + " requests at " + path).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> receivedAt(path), list -> list.size() >= count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(uri.getPath(), query(uri.getRawQuery()), body,
                exchange.getRequestHeaders().getFirst("Content-Type"), Instant.now()));
        Deque<Answer> script = scripts.get(uri.getPath());
        Answer answer = script == null || script.isEmpty() ? Answer.success() : script.poll();
        try {
            if (!answer.pause().isZero()) {
                Thread.sleep(answer.pause().toMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The sandbox gave up waiting and closed the connection.
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    public List<String> paths() {
        return new ArrayList<>(received.stream().map(Received::path).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
