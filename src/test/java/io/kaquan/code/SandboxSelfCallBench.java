package io.kaquan.code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/sandbox-self-call}. Rounds of
 * BENCH_CALLERS code lookups at once against a node whose WeChat is its own built-in sandbox; prints how many found
 * their code, how long all of them took and the lookup latency. It asserts nothing.
 */
@QuarkusTest
class SandboxSelfCallBench {

    @Test
    void measure() throws Exception {
        int callers = setting("callers", 250);
        int rounds = setting("rounds", 3);
        Session owner = Session.login("self-call-bench");
        CodeFixtures wx = CodeFixtures.tenant(owner, "自家沙盒压测");
        String card = wx.card(false);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(CodeFixtures.receive(card));
        }
        ConcurrentLookups.lookUpAtOnce(owner, wx.tenant, codes, 20, Duration.ofSeconds(60)); // warm up

        StringBuilder report = new StringBuilder();
        report.append(String.format("Code lookups against the node's own sandbox: %d at once, %d rounds, "
                + "WeChat read timeout %s%n", callers, rounds,
                ConfigProvider.getConfig().getValue("kaquan.wechat.read-timeout", String.class)));
        report.append(String.format("%-6s %-44s %9s %9s %9s %9s%n", "round", "results", "all (s)", "p50 (ms)",
                "p99 (ms)", "max (ms)"));
        for (int round = 1; round <= rounds; round++) {
            ConcurrentLookups.Outcome outcome = ConcurrentLookups.lookUpAtOnce(owner, wx.tenant, codes, callers,
                    Duration.ofSeconds(120));
            report.append(String.format("%-6d %-44s %9.1f %9d %9d %9d%n", round, outcome.tally(),
                    outcome.wall().toMillis() / 1000.0, outcome.percentile(50).toMillis(),
                    outcome.percentile(99).toMillis(), outcome.percentile(100).toMillis()));
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/sandbox-self-call.txt"), report.toString());
        System.out.print(report);
    }

    private static int setting(String name, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue("kaquan.bench." + name, Integer.class).orElse(fallback);
    }
}
