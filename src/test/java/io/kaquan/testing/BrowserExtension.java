package io.kaquan.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One Chromium for the whole test run, a fresh {@link BrowserContext} and {@link Page} for each test.
 * <p>
 * Starting the Playwright driver and Chromium costs seconds; a context costs milliseconds and shares nothing (cookies,
 * storage) with the previous one, so each test still starts signed out. The browser lives in the root store and is
 * closed when the run ends; the context is closed after each test.
 * <p>
 * The pages' Content-Security-Policy is on: anything it blocks shows in the console as "Refused to …", and fails the test.
 */
public final class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Generous for a shared 2-core machine; a failing assertion waits this long before it reports. */
    private static final double DEFAULT_TIMEOUT_MILLIS = 30_000;

    /** The driver and the browser, closed together by the root store at the end of the run. */
    private record SharedBrowser(Playwright playwright, Browser browser) implements AutoCloseable {

        static SharedBrowser launch() {
            Playwright playwright = Chromium.playwright();
            return new SharedBrowser(playwright, Chromium.launch(playwright));
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BrowserContext browserContext = browserContext(context);
        if (parameter.getParameter().getType() == BrowserContext.class) {
            return browserContext;
        }
        return browserContext.pages().isEmpty() ? browserContext.newPage() : browserContext.pages().get(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NAMESPACE).remove(BrowserContext.class, BrowserContext.class);
        if (browserContext != null) {
            browserContext.close();
        }
        @SuppressWarnings("unchecked")
        List<String> refused = context.getStore(NAMESPACE).remove(REFUSED, List.class);
        if (refused != null && !refused.isEmpty()) {
            throw new AssertionError("The page broke its Content-Security-Policy: " + refused);
        }
    }

    private static final String REFUSED = "refused-by-policy";

    /** The test's own context, made at first use. */
    private static BrowserContext browserContext(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(BrowserContext.class, key -> {
            BrowserContext made = browser(context).newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                    .setViewportSize(1280, 900));
            made.setDefaultTimeout(DEFAULT_TIMEOUT_MILLIS);
            List<String> refused = new CopyOnWriteArrayList<>();
            context.getStore(NAMESPACE).put(REFUSED, refused);
            made.onConsoleMessage(message -> {
                if (message.text().contains("Refused to")) {
                    refused.add(message.text());
                }
            });
            return made;
        }, BrowserContext.class);
    }

    /** The run's browser: keyed by this class object, so a test class loaded by another class loader gets its own. */
    private static Browser browser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(BrowserExtension.class, key -> SharedBrowser.launch(), SharedBrowser.class)
                .browser();
    }

    /** Signs the page in as a predefined user of the OIDC dev service (alice, bob, carol), by its button. */
    public static void signIn(Page page, String user) {
        page.navigate(Session.appUrl().toString());
        page.click("button[name='predefined-" + user + "']");
    }
}
