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
                .layer("agency").definedBy("io.kaquan.agency..")
                .layer("callback").definedBy("io.kaquan.callback..")
                .layer("stats").definedBy("io.kaquan.stats..")
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
                .whereLayer("agency").mayOnlyBeAccessedByLayers("demo")
                .whereLayer("callback").mayOnlyBeAccessedByLayers("agency", "overview", "demo")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("callback", "overview", "demo")
                .whereLayer("code").mayOnlyBeAccessedByLayers("callback", "overview", "demo")
                .whereLayer("card").mayOnlyBeAccessedByLayers("code", "stats", "callback", "overview", "demo")
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("card", "code", "stats", "callback", "overview", "demo")
                .whereLayer("tenant").mayOnlyBeAccessedByLayers("agency", "jobs", "card", "code", "stats", "callback",
                        "overview", "demo")
                .whereLayer("wechat").mayOnlyBeAccessedByLayers("agency", "tenant", "jobs", "card", "code", "stats",
                        "callback", "overview", "demo")
                .whereLayer("account").mayOnlyBeAccessedByLayers("agency", "wechat", "tenant", "jobs", "card", "code", "stats",
                        "callback", "overview", "demo")
                .whereLayer("web").mayOnlyBeAccessedByLayers("agency", "account", "wechat", "tenant", "jobs", "card", "code",
                        "stats", "callback", "overview", "demo", "sandbox")
                .whereLayer("database").mayOnlyBeAccessedByLayers("agency", "account", "wechat", "tenant", "jobs", "card",
                        "code", "stats", "callback", "overview", "demo")
                .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
                .whereLayer("ops").mayNotBeAccessedByAnyLayer()
                .check(MAIN);
    }
}
