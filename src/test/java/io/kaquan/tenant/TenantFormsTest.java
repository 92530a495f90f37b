package io.kaquan.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The field rules of the tenant forms without booting the app: every bad value and the message it gets. That the
 * message is shown next to its field (and secrets are never refilled) is {@code TenantRegistrationTest}'s job.
 */
class TenantFormsTest {

    /** Messages as their keys, so that a test names the rule it expects. */
    static final TenantMsg KEYS = (TenantMsg) Proxy.newProxyInstance(TenantMsg.class.getClassLoader(),
            new Class<?>[] { TenantMsg.class }, (proxy, method, args) -> method.getName());

    static TenantForms.Registration valid() {
        TenantForms.Registration form = new TenantForms.Registration();
        form.displayName = "校验";
        form.appid = "wx0123456789abcdef";
        form.appsecret = "0123456789abcdefABCDEF0123456789";
        form.originalId = "gh_0123456789ab";
        form.messageMode = "SAFE";
        form.callbackToken = "";
        form.aesKey = "";
        return form;
    }

    static Map<String, String> errors(TenantForms.Registration form) {
        form.normalize();
        return form.validate(KEYS).asMap();
    }

    @Test
    void aCompleteRegistrationIsValidWithOrWithoutTheMerchantsTokenAndKey() {
        assertEquals(Map.of(), errors(valid()));
        TenantForms.Registration own = valid();
        own.callbackToken = "merchantToken1";
        own.aesKey = "a".repeat(43);
        assertEquals(Map.of(), errors(own));
    }

    @Test
    void identifiersAreTrimmedAndLowerCased() {
        TenantForms.Registration form = valid();
        form.appid = "  WX0123456789ABCDEF ";
        form.originalId = "GH_0123456789AB";
        form.messageMode = " compat ";
        assertEquals(Map.of(), errors(form));
        assertEquals("wx0123456789abcdef", form.appid);
        assertEquals("gh_0123456789ab", form.originalId);
    }

    @Test
    void aSandboxAccountMayLeaveItsIdentifiersToBeGenerated() {
        TenantForms.Registration form = valid();
        form.sandbox = true;
        form.appid = "";
        form.appsecret = "";
        form.originalId = "";
        assertEquals(Map.of(), errors(form));
        form.appid = "wx123";
        assertEquals(Map.of("appid", "errAppid"), errors(form), "but what is given must be right");
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "displayName|''|errDisplayNameRequired",
            "displayName|'   '|errDisplayNameRequired",
            "displayName|一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十12345|errDisplayNameTooLong",
            "appid|wx123|errAppid",
            "appid|wxZZZZZZZZZZZZZZZZ|errAppid",
            "appsecret|short|errAppsecret",
            "appsecret|''|errAppsecret",
            "originalId|gh_123|errOriginalId",
            "messageMode|LOUD|errMessageMode",
            "messageMode|''|errMessageMode",
            "callbackToken|ab|errCallbackToken",
            "callbackToken|has space|errCallbackToken",
            "aesKey|tooshort|errAesKey",
    })
    void refusesAnInvalidFieldWithItsOwnMessage(String field, String value, String message) {
        TenantForms.Registration form = valid();
        switch (field) {
            case "displayName" -> form.displayName = value;
            case "appid" -> form.appid = value;
            case "appsecret" -> form.appsecret = value;
            case "originalId" -> form.originalId = value;
            case "messageMode" -> form.messageMode = value;
            case "callbackToken" -> form.callbackToken = value;
            case "aesKey" -> form.aesKey = value;
            default -> throw new IllegalArgumentException(field);
        }
        assertEquals(Map.of(field, message), errors(form));
    }

    @Test
    void aNameOfSixtyFourCharactersIsAllowedCountedInCharactersNotBytes() {
        TenantForms.Registration form = valid();
        form.displayName = "名".repeat(64);
        assertEquals(Map.of(), errors(form));
        form.displayName = "😀".repeat(64); // two UTF-16 units each, one character
        assertEquals(Map.of(), errors(form));
    }

    @Test
    void theSettingsFormChecksTheNameAndTheMessageMode() {
        TenantForms.Settings settings = new TenantForms.Settings();
        settings.displayName = " 新名字 ";
        settings.messageMode = "PLAIN";
        assertEquals(Map.of(), settings.validate(KEYS).asMap());
        assertEquals("新名字", settings.displayName);
        settings.displayName = "";
        settings.messageMode = "NONE";
        assertEquals(Map.of("displayName", "errDisplayNameRequired", "messageMode", "errMessageMode"),
                settings.validate(KEYS).asMap());
    }
}
