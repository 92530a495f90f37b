package io.kaquan.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    private static final Optional<String> GOOD_SECRET = Optional.of("x".repeat(32));
    private static final Optional<String> HTTPS = Optional.of("https://kaquan.example.com");

    @Test
    void aSafeProductionStarts() {
        assertEquals(List.of(), ProductionGuard.problems(false, false, true, GOOD_SECRET, true, HTTPS));
        assertEquals(List.of(), ProductionGuard.problems(true, true, true, GOOD_SECRET, true, HTTPS),
                "sandbox with the explicit trial flag");
        assertEquals(List.of(), ProductionGuard.problems(false, false, true, GOOD_SECRET, false,
                Optional.of("http://10.0.0.5:8080")), "plain http needs no Secure cookie");
    }

    @Test
    void theSandboxNeedsTheTrialFlag() {
        List<String> problems = ProductionGuard.problems(true, false, true, GOOD_SECRET, true, HTTPS);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("KAQUAN_PUBLIC_TRIAL=true"));
    }

    @Test
    void aShortOrMissingSessionSecretIsRefused() {
        assertEquals(1, ProductionGuard.problems(false, false, true, Optional.of("x".repeat(31)), true, HTTPS).size());
        assertEquals(1, ProductionGuard.problems(false, false, true, Optional.empty(), true, HTTPS).size());
        assertEquals(List.of(), ProductionGuard.problems(false, false, false, Optional.empty(), true, HTTPS),
                "no login, no session to encrypt");
    }

    @Test
    void httpsWithoutSecureCookiesIsRefused() {
        List<String> problems = ProductionGuard.problems(false, false, true, GOOD_SECRET, false,
                Optional.of("HTTPS://kaquan.example.com"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("COOKIE_FORCE_SECURE"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(3, ProductionGuard.problems(true, false, true, Optional.of("short"), false, HTTPS).size());
    }
}
