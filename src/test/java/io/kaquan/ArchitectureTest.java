package io.kaquan;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The package maps of ARCHITECTURE.md, checked on the compiled main classes: each package depends only on those
 * below it, and the sandbox only on {@code web} (it talks to the product over HTTP, like WeChat). Inside the sandbox,
 * its own map: sub-packages free of cycles, each using only those below it.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kaquan");

    /** The map of ARCHITECTURE.md from top to bottom: a layer may be used only by the layers above it. */
    private static final List<String> TOP_DOWN = List.of("demo", "overview", "agency", "callback", "stats",
            "distribution", "code", "card", "jobs", "tenant", "wechat", "account", "web", "database");

    /** The sandbox's map from top to bottom; the faces on top use none of each other, the root is the bottom. */
    private static final List<String> SANDBOX_FACES = List.of("api", "admin", "console");
    private static final List<String> SANDBOX_TOP_DOWN = List.of("distribution", "users", "codes", "stats", "cards",
            "push", "open", "tokens");
    private static final String SANDBOX = "io.kaquan.sandbox";

    @Test
    void everyPackageOfTheMapHasClasses() {
        // A renamed or emptied package would make its rules pass on nothing.
        for (String layer : TOP_DOWN) {
            assertFalse(MAIN.that(resideInAPackage("io.kaquan." + layer + "..")).isEmpty(), layer);
        }
        List<String> sandboxPackages = new ArrayList<>(SANDBOX_FACES);
        sandboxPackages.addAll(SANDBOX_TOP_DOWN);
        for (String layer : sandboxPackages) {
            assertFalse(MAIN.that(resideInAPackage(SANDBOX + "." + layer + "..")).isEmpty(), "sandbox." + layer);
        }
        assertFalse(MAIN.that(resideInAPackage(SANDBOX)).isEmpty(), "sandbox");
    }

    @Test
    void sandboxPackagesAreFreeOfCycles() {
        slices().matching(SANDBOX + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sandboxPackagesDependOnlyOnThoseBelowThem() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String face : SANDBOX_FACES) {
            layers = layers.layer(face).definedBy(SANDBOX + "." + face + "..");
        }
        for (String layer : SANDBOX_TOP_DOWN) {
            layers = layers.layer(layer).definedBy(SANDBOX + "." + layer + "..");
        }
        // The root package alone (not its sub-packages) is the bottom layer.
        layers = layers.layer("root").definedBy(SANDBOX);
        for (String face : SANDBOX_FACES) {
            layers = layers.whereLayer(face).mayNotBeAccessedByAnyLayer();
        }
        List<String> above = new ArrayList<>(SANDBOX_FACES);
        for (String layer : SANDBOX_TOP_DOWN) {
            layers = layers.whereLayer(layer).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            above.add(layer);
        }
        layers.whereLayer("root").mayOnlyBeAccessedByLayers(above.toArray(String[]::new)).check(MAIN);
    }

    @Test
    void packagesDependOnlyOnThoseBelowThem() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : TOP_DOWN) {
            layers = layers.layer(layer).definedBy("io.kaquan." + layer + "..");
        }
        // Beside the map: the sandbox talks to the product over HTTP only; production checks are used by nobody.
        layers = layers.layer("sandbox").definedBy("io.kaquan.sandbox..").layer("ops").definedBy("io.kaquan.ops..");
        for (int i = 0; i < TOP_DOWN.size(); i++) {
            List<String> above = new ArrayList<>(TOP_DOWN.subList(0, i));
            if (TOP_DOWN.get(i).equals("web")) {
                above.add("sandbox");
            }
            layers = above.isEmpty() ? layers.whereLayer(TOP_DOWN.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(TOP_DOWN.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        layers.whereLayer("sandbox").mayNotBeAccessedByAnyLayer().whereLayer("ops").mayNotBeAccessedByAnyLayer()
                .check(MAIN);
    }
}
