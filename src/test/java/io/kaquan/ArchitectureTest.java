package io.kaquan;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package map of ARCHITECTURE.md, checked on the compiled main classes: each package depends only on those
 * below it, and the sandbox only on {@code web} (it talks to the product over HTTP, like WeChat). The sandbox's own
 * sub-packages still depend on each other both ways (cards and codes); that is not checked yet.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kaquan");

    @Test
    void packagesDependOnlyOnThoseBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("demo").definedBy("io.kaquan.demo..")
                .layer("overview").definedBy("io.kaquan.overview..")
                .layer("callback").definedBy("io.kaquan.callback..")
                .layer("stats").definedBy("io.kaquan.stats..")
                .layer("distribution").definedBy("io.kaquan.distribution..")
                .layer("code").definedBy("io.kaquan.code..")
                .layer("card").definedBy("io.kaquan.card..")
                .layer("jobs").definedBy("io.kaquan.jobs..")
                .layer("tenant").definedBy("io.kaquan.tenant..")
                .layer("wechat").definedBy("io.kaquan.wechat..")
                .layer("account").definedBy("io.kaquan.account..")
                .layer("web").definedBy("io.kaquan.web..")
                .layer("database").definedBy("io.kaquan.database..")
                .layer("sandbox").definedBy("io.kaquan.sandbox..")
                .layer("ops").definedBy("io.kaquan.ops..")

                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("overview").mayOnlyBeAccessedByLayers("demo")
                .whereLayer("callback").mayOnlyBeAccessedByLayers("overview", "demo")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("callback", "overview", "demo")
                .whereLayer("distribution").mayOnlyBeAccessedByLayers("stats", "callback", "overview", "demo")
                .whereLayer("code").mayOnlyBeAccessedByLayers("distribution", "stats", "callback", "overview", "demo")
                .whereLayer("card").mayOnlyBeAccessedByLayers("distribution", "code", "stats", "callback", "overview",
                        "demo")
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("distribution", "card", "code", "stats", "callback",
                        "overview", "demo")
                .whereLayer("tenant").mayOnlyBeAccessedByLayers("jobs", "distribution", "card", "code", "stats",
                        "callback", "overview", "demo")
                .whereLayer("wechat").mayOnlyBeAccessedByLayers("tenant", "jobs", "distribution", "card", "code",
                        "stats", "callback", "overview", "demo")
                .whereLayer("account").mayOnlyBeAccessedByLayers("wechat", "tenant", "jobs", "distribution", "card",
                        "code", "stats", "callback", "overview", "demo")
                .whereLayer("web").mayOnlyBeAccessedByLayers("account", "wechat", "tenant", "jobs", "distribution",
                        "card", "code", "stats", "callback", "overview", "demo", "sandbox")
                .whereLayer("database").mayOnlyBeAccessedByLayers("account", "wechat", "tenant", "jobs",
                        "distribution", "card", "code", "stats", "callback", "overview", "demo")
                .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
                .whereLayer("ops").mayNotBeAccessedByAnyLayer()
                .check(MAIN);
    }
}
