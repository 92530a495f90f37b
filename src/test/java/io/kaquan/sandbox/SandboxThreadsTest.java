package io.kaquan.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sandbox answers while every worker thread of the node is taken (issue 18). A node whose WeChat is its own
 * sandbox holds a worker for each call until the sandbox answers: with more calls at once than workers, a sandbox that
 * answered on those workers could never answer, and each call waited out the read timeout. Here every worker is held
 * on purpose (as the lookups held them); the sandbox's WeChat API must still answer, GET and POST with a body.
 */
@QuarkusTest
class SandboxThreadsTest {

    @Inject
    ManagedExecutor workers;

    @Test
    void shouldAnswerTheWeChatApiWhileEveryWorkerOfTheNodeIsTaken() throws Exception {
        int maxWorkers = ConfigProvider.getConfig().getOptionalValue("quarkus.thread-pool.max-threads", Integer.class)
                .orElse(Math.max(200, 8 * Runtime.getRuntime().availableProcessors()));
        URI app = Session.appUrl();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch release = new CountDownLatch(1);
        Set<String> taken = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < maxWorkers + 20; i++) {
                workers.execute(() -> {
                    taken.add(Thread.currentThread().getName());
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            Awaitility.await("every worker taken").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> taken.size() >= maxWorkers);
            assertTrue(taken.stream().allMatch(name -> name.startsWith("executor-thread")), "the node's worker pool");

            HttpResponse<String> token = http.send(HttpRequest.newBuilder(app.resolve(
                    "/sandbox/wechat/cgi-bin/token?grant_type=client_credential&appid=wxnobody0000000&secret=x"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode());
            assertTrue(token.body().contains("\"errcode\":40013"), token.body());

            HttpResponse<String> stable = http.send(HttpRequest.newBuilder(app.resolve(
                    "/sandbox/wechat/cgi-bin/stable_token")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credential\","
                            + "\"appid\":\"wxnobody0000000\",\"secret\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stable.statusCode());
            assertTrue(stable.body().contains("\"errcode\":40013"), stable.body());
        } finally {
            release.countDown();
        }
    }
}
