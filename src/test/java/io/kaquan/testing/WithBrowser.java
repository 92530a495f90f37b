package io.kaquan.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class drives Chromium: its test methods take a {@code com.microsoft.playwright.Page} parameter, a fresh
 * page in a fresh browser context (no cookies, Chinese locale); see {@link BrowserExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface WithBrowser {
}
