package io.kaquan.wechat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for WeChat on loopback, for the cases the sandbox does not stage on purpose (every new token refused,
 * every call answering -1): a real HTTP server that issues a new token per token call, answers each business path
 * with a scripted reply, and counts the requests it received.
 */
final class StandInWeChat implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, IntFunction<String>> replies = new ConcurrentHashMap<>();
    private final Set<String> hangUp = ConcurrentHashMap.newKeySet();

    StandInWeChat() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body;
            if (hangUp.contains(path)) {
                exchange.close(); // the connection ends without an answer
                return;
            }
            if (path.equals("/cgi-bin/stable_token") || path.equals("/cgi-bin/token")) {
                body = "{\"access_token\":\"STANDIN_TOKEN_" + hit + "_0123456789abcdefghijklmnopqrstuvwxyz\","
                        + "\"expires_in\":7200}";
            } else {
                body = replies.getOrDefault(path, n -> "{\"errcode\":0,\"errmsg\":\"ok\"}").apply(hit);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the path with the given JSON, whatever the request. */
    StandInWeChat answer(String path, String json) {
        replies.put(path, n -> json);
        return this;
    }

    /** Closes the connection of every request to the path without answering (the outcome is unknown). */
    StandInWeChat hangUp(String path) {
        hangUp.add(path);
        return this;
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
