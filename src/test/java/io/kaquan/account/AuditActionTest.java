package io.kaquan.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kaquan.tenant.AuditDetail;

/** Every audit action has words in both languages, and every code written anywhere has a constant. */
class AuditActionTest {

    static Properties bundle(String file) throws IOException {
        Properties words = new Properties();
        try (InputStream in = AuditActionTest.class.getResourceAsStream("/messages/" + file)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    @ParameterizedTest
    @ValueSource(strings = { "tenantMsg_zh-CN.properties", "tenantMsg_en.properties" })
    void everyActionAndDetailKeyHasALabel(String file) throws IOException {
        Properties words = bundle(file);
        for (AuditAction action : AuditAction.values()) {
            String label = words.getProperty("action_$" + action.name());
            assertTrue(label != null && !label.isBlank(), file + ": " + action);
            assertFalse(label.contains(action.code()), "a label, not the code: " + label);
        }
        for (AuditDetail detail : AuditDetail.values()) {
            String label = words.getProperty("detail_$" + detail.name());
            assertTrue(label != null && !label.isBlank(), file + ": " + detail);
        }
    }

    @Test
    void chineseLabelsAreChinese() throws IOException {
        Properties words = bundle("tenantMsg_zh-CN.properties");
        for (AuditAction action : AuditAction.values()) {
            assertTrue(words.getProperty("action_$" + action.name()).codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), action.name());
        }
    }

    @Test
    void codesAreUniqueAndReadBack() {
        Set<String> codes = new HashSet<>();
        for (AuditAction action : AuditAction.values()) {
            assertTrue(codes.add(action.code()), "duplicate code " + action.code());
            assertEquals(action, AuditAction.of(action.code()).orElseThrow());
        }
        assertTrue(AuditAction.of("no.such-action").isEmpty());
    }

    /** A code written as a string (call sites not yet on the enum) must still have a constant, or it shows as "other". */
    @Test
    void everyCodeRecordedInTheSourcesHasAConstant() throws IOException {
        Pattern recorded = Pattern.compile("(?:audit\\.record\\([^,]+,\\s*|entry\\.action = )\"([a-z.-]+)\"");
        List<String> unknown = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = recorded.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    if (AuditAction.of(m.group(1)).isEmpty()) {
                        unknown.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(found > 0 || AuditAction.values().length > 30, "the scan sees the sources");
        assertEquals(List.of(), unknown);
    }
}
