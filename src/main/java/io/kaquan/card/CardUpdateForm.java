package io.kaquan.card;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.web.FormErrors;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.WeChatTime;

/**
 * The card edit form as a pure rule (no database, no WeChat): which base_info fields may change (WeChat's updatable
 * list, §4.7), what a change of each is checked against, and the card/update base_info holding only the fields that
 * differ from what WeChat holds now. Validity dates may only widen. Tested without booting the app.
 */
public final class CardUpdateForm {

    /** The largest stock or get_limit WeChat accepts. */
    public static final int MAX_STOCK = 100_000_000;

    /** The base_info fields the form offers, and whether a change of it sends the card back to review (send_check). */
    static final Map<String, Boolean> UPDATABLE = new LinkedHashMap<>();

    /** UTF-8 byte limits of the text fields. */
    static final Map<String, Integer> LIMITS = new LinkedHashMap<>();

    static {
        for (String reviewed : List.of("logo_url", "notice", "description", "color")) {
            UPDATABLE.put(reviewed, true);
        }
        for (String free : List.of("service_phone", "code_type", "get_limit", "can_share", "can_give_friend",
                "location_id_list", "center_title", "center_sub_title", "center_url", "custom_url_name", "custom_url",
                "custom_url_sub_title", "promotion_url_name", "promotion_url", "promotion_url_sub_title")) {
            UPDATABLE.put(free, false);
        }
        LIMITS.put("logo_url", 128);
        LIMITS.put("notice", 48);
        LIMITS.put("description", 3072);
        LIMITS.put("service_phone", 24);
        LIMITS.put("center_title", 18);
        LIMITS.put("center_sub_title", 24);
        LIMITS.put("center_url", 128);
        LIMITS.put("custom_url_name", 15);
        LIMITS.put("custom_url", 128);
        LIMITS.put("custom_url_sub_title", 18);
        LIMITS.put("promotion_url_name", 15);
        LIMITS.put("promotion_url", 128);
        LIMITS.put("promotion_url_sub_title", 18);
    }

    /**
     * What the form asks to change: the base_info to send (only changed fields, date_info when widened), the changed
     * field names in form order, and the field errors (nothing is sent while there are any).
     */
    public record Changes(ObjectNode baseInfo, List<String> changed, FormErrors errors) {

        public boolean isEmpty() {
            return changed.isEmpty();
        }

        /** A changed field WeChat reviews again (logo, notice, description, colour): expect send_check. */
        public boolean needsReview() {
            return changed.stream().anyMatch(field -> UPDATABLE.getOrDefault(field, false));
        }
    }

    private CardUpdateForm() {
    }

    /**
     * Compares the submitted fields with the card as WeChat holds it now.
     *
     * @param form the submitted fields, named as in base_info, plus begin_date and end_date (yyyy-MM-dd); a field
     *        absent from the form stays unchanged
     */
    public static Changes changes(CardView current, Map<String, String> form, CardPagesMsg msg) {
        FormErrors errors = new FormErrors();
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Boolean> field : UPDATABLE.entrySet()) {
            String name = field.getKey();
            String value = form.get(name);
            if (value == null) {
                continue;
            }
            // Browsers send a textarea's line breaks as CRLF; WeChat keeps LF: compare (and send) LF only.
            value = lf(value).strip();
            switch (name) {
                case "color" -> {
                    if (!value.equals(current.colorName())) {
                        if (!CardVocabulary.PALETTE.containsKey(value)) {
                            errors.add(name, msg.errChoice());
                        }
                        base.put(name, value);
                    }
                }
                case "code_type" -> {
                    if (!value.equals(current.codeType())) {
                        if (!CardView.CODE_TYPES.contains(value)) {
                            errors.add(name, msg.errChoice());
                        }
                        base.put(name, value);
                    }
                }
                case "get_limit" -> {
                    if (!value.equals(current.getLimit())) {
                        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1
                                || Integer.parseInt(value) > MAX_STOCK) {
                            errors.add(name, msg.errGetLimit());
                        } else {
                            base.put(name, Integer.parseInt(value));
                        }
                    }
                }
                case "can_share", "can_give_friend" -> {
                    boolean now = name.equals("can_share") ? current.canShareChecked() : current.canGiveFriendChecked();
                    if (!value.equals("true") && !value.equals("false")) {
                        errors.add(name, msg.errChoice());
                    } else if (Boolean.parseBoolean(value) != now) {
                        base.put(name, Boolean.parseBoolean(value));
                    }
                }
                case "location_id_list" -> {
                    String normalized = value.replaceAll("[\\s,，]+", ",").replaceAll("^,+|,+$", "");
                    // The same stores in another order (picked from the list, then typed) are no change.
                    if (!sameIds(normalized, current.locationText())) {
                        if (!normalized.isEmpty() && !normalized.matches("[0-9]{1,18}(,[0-9]{1,18})*")) {
                            errors.add(name, msg.errLocations());
                        } else {
                            ArrayNode ids = base.putArray(name);
                            for (String id : normalized.isEmpty() ? new String[0] : normalized.split(",")) {
                                ids.add(Long.parseLong(id));
                            }
                        }
                    }
                }
                default -> {
                    if (!value.equals(lf(current.text(name)).strip())) {
                        int limit = LIMITS.get(name);
                        if (field.getValue() && value.isEmpty()) {
                            errors.add(name, msg.errRequired());
                        } else if (value.getBytes(StandardCharsets.UTF_8).length > limit) {
                            errors.add(name, msg.errTooLong(limit, limit / 3));
                        } else if (name.endsWith("url") && !value.isEmpty() && !value.matches("(?i)https?://\\S+")) {
                            errors.add(name, msg.errUrl());
                        }
                        base.put(name, value);
                    }
                }
            }
            if (base.has(name)) {
                changed.add(name);
            }
        }
        if (current.fixedRange() && (form.get("begin_date") != null || form.get("end_date") != null)) {
            ObjectNode dates = widenedDates(current, form, errors, msg);
            if (dates != null) {
                base.set("date_info", dates);
                changed.add("date_info");
            }
        }
        return new Changes(base, List.copyOf(changed), errors);
    }

    /** A base_info field in the merchant's words, for the flash after an update. */
    public static String label(String field, CardPagesMsg msg) {
        return switch (field) {
            case "logo_url" -> msg.fLogo();
            case "color" -> msg.fColor();
            case "notice" -> msg.fNotice();
            case "description" -> msg.fDescription();
            case "service_phone" -> msg.fServicePhone();
            case "code_type" -> msg.fCodeType();
            case "get_limit" -> msg.fGetLimit();
            case "can_share" -> msg.fCanShare();
            case "can_give_friend" -> msg.fCanGiveFriend();
            case "location_id_list" -> msg.fLocations();
            case "date_info" -> msg.fValidity();
            case "center_title", "center_sub_title", "center_url" -> msg.fCenter();
            case "custom_url_name", "custom_url", "custom_url_sub_title" -> msg.fCustomUrl();
            case "promotion_url_name", "promotion_url", "promotion_url_sub_title" -> msg.fPromotionUrl();
            default -> field;
        };
    }

    static String lf(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The widened validity, null when unchanged; a narrowing is a field error (WeChat only lets it grow). */
    private static ObjectNode widenedDates(CardView current, Map<String, String> form, FormErrors errors,
            CardPagesMsg msg) {
        LocalDate currentBegin = CardView.day(current.begin());
        LocalDate currentEnd = CardView.day(current.end());
        LocalDate begin = parseDate(form.get("begin_date"), currentBegin, "begin_date", errors, msg);
        LocalDate end = parseDate(form.get("end_date"), currentEnd, "end_date", errors, msg);
        if (begin == null || end == null || currentBegin == null || currentEnd == null) {
            return null;
        }
        if (begin.isAfter(currentBegin)) {
            errors.add("begin_date", msg.errBeginLater(currentBegin.toString()));
        }
        if (end.isBefore(currentEnd)) {
            errors.add("end_date", msg.errEndEarlier(currentEnd.toString()));
        }
        if (!end.isAfter(begin) && !end.equals(begin)) {
            errors.add("end_date", msg.errDateOrder());
        }
        if (begin.equals(currentBegin) && end.equals(currentEnd)) {
            return null;
        }
        long beginSeconds = begin.equals(currentBegin) ? current.begin().getEpochSecond()
                : begin.atStartOfDay(WeChatTime.ZONE).toEpochSecond();
        long endSeconds = end.equals(currentEnd) ? current.end().getEpochSecond()
                : end.plusDays(1).atStartOfDay(WeChatTime.ZONE).toEpochSecond() - 1;
        return JsonNodeFactory.instance.objectNode().put("type", "DATE_TYPE_FIX_TIME_RANGE")
                .put("begin_timestamp", beginSeconds).put("end_timestamp", endSeconds);
    }

    private static LocalDate parseDate(String value, LocalDate current, String field, FormErrors errors,
            CardPagesMsg msg) {
        if (value == null || value.isBlank()) {
            return current;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, msg.errDate());
            return null;
        }
    }

    private static boolean sameIds(String a, String b) {
        return new java.util.TreeSet<>(java.util.Arrays.asList(a.split(",")))
                .equals(new java.util.TreeSet<>(java.util.Arrays.asList(b.split(","))));
    }
}
