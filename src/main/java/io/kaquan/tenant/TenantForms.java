package io.kaquan.tenant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.kaquan.web.FormErrors;

/** The forms of the tenant pages and the rules of their fields. */
final class TenantForms {

    static final Pattern APPID = Pattern.compile("wx[0-9a-f]{16}");
    static final Pattern APPSECRET = Pattern.compile("[0-9A-Za-z]{32}");
    static final Pattern ORIGINAL_ID = Pattern.compile("gh_[0-9a-f]{12}");
    /** The sandbox's own namespace (s and x are not hex): only sandbox tenants use it, so none passes for real. */
    static final Pattern SANDBOX_APPID = Pattern.compile("wxsbx[0-9a-f]{13}");
    static final Pattern SANDBOX_ORIGINAL_ID = Pattern.compile("gh_sbx[0-9a-f]{9}");
    static final Pattern CALLBACK_TOKEN = Pattern.compile("[0-9A-Za-z]{3,32}");
    static final Pattern AES_KEY = Pattern.compile("[0-9A-Za-z]{43}");
    static final int MAX_NAME = 64;

    private TenantForms() {
    }

    /** 接入公众号. Secrets are never sent back to the browser, not even after a failed submit. */
    public static class Registration {
        @RestForm
        public String displayName;
        @RestForm
        public String appid;
        @RestForm
        public String appsecret;
        @RestForm
        public String originalId;
        @RestForm
        public String messageMode;
        @RestForm
        public String callbackToken;
        @RestForm
        public String aesKey;
        @RestForm
        public boolean sandbox;

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("displayName", trim(displayName));
            values.put("appid", trim(appid));
            values.put("originalId", trim(originalId));
            values.put("messageMode", trim(messageMode));
            values.put("sandbox", Boolean.toString(sandbox));
            return values;
        }

        void normalize() {
            displayName = trim(displayName);
            appid = lower(appid);
            appsecret = trim(appsecret);
            originalId = lower(originalId);
            callbackToken = trim(callbackToken);
            aesKey = trim(aesKey);
        }

        FormErrors validate(TenantMsg msg) {
            FormErrors errors = new FormErrors();
            checkName(displayName, errors, msg);
            boolean generated = sandbox;
            if (!sandbox && (SANDBOX_APPID.matcher(appid).matches() || SANDBOX_ORIGINAL_ID.matcher(originalId).matches())) {
                errors.add("appid", msg.errSandboxNamespace());
            } else if (!(generated && appid.isEmpty()) && !APPID.matcher(appid).matches()
                    && !(sandbox && SANDBOX_APPID.matcher(appid).matches())) {
                errors.add("appid", msg.errAppid());
            }
            if (!(generated && appsecret.isEmpty()) && !APPSECRET.matcher(appsecret).matches()) {
                errors.add("appsecret", msg.errAppsecret());
            }
            if (!(generated && originalId.isEmpty()) && !ORIGINAL_ID.matcher(originalId).matches()
                    && !(sandbox && SANDBOX_ORIGINAL_ID.matcher(originalId).matches())) {
                errors.add("originalId", msg.errOriginalId());
            }
            if (MessageMode.parse(messageMode) == null) {
                errors.add("messageMode", msg.errMessageMode());
            }
            if (!callbackToken.isEmpty() && !CALLBACK_TOKEN.matcher(callbackToken).matches()) {
                errors.add("callbackToken", msg.errCallbackToken());
            }
            if (!aesKey.isEmpty() && !AES_KEY.matcher(aesKey).matches()) {
                errors.add("aesKey", msg.errAesKey());
            }
            return errors;
        }
    }

    /** The non-secret settings. */
    public static class Settings {
        @RestForm
        public String displayName;
        @RestForm
        public String messageMode;

        Map<String, String> values() {
            return Map.of("displayName", trim(displayName), "messageMode", trim(messageMode));
        }

        FormErrors validate(TenantMsg msg) {
            displayName = trim(displayName);
            FormErrors errors = new FormErrors();
            checkName(displayName, errors, msg);
            if (MessageMode.parse(messageMode) == null) {
                errors.add("messageMode", msg.errMessageMode());
            }
            return errors;
        }
    }

    static void checkName(String displayName, FormErrors errors, TenantMsg msg) {
        if (displayName.isEmpty()) {
            errors.add("displayName", msg.errDisplayNameRequired());
        } else if (displayName.codePointCount(0, displayName.length()) > MAX_NAME) {
            errors.add("displayName", msg.errDisplayNameTooLong());
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    static String lower(String value) {
        return trim(value).toLowerCase(Locale.ROOT);
    }
}
