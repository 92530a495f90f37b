package io.kaquan.card.wizard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.kaquan.wechat.BusinessService;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.CodeType;
import io.kaquan.wechat.TimeLimitDay;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatStores;

/**
 * What a wizard page shows: the draft's values, the step, the choices (colours, stores) and, on the review step, the
 * preview and the exact JSON. Field errors come from the flash.
 */
public class StepView {

    public final long tenantId;
    public final CardDraft draft;
    public final WizardStep step;
    public final Map<String, String> values;
    final WizardMsg msg;
    public List<WeChatCards.Color> colors = List.of();
    public List<WeChatStores.Store> stores = List.of();
    public String storesProblem;
    public String query = "";
    public String body;
    public String digest;
    public Map<String, String> problems = Map.of();

    StepView(long tenantId, CardDraft draft, WizardStep step, WizardMsg msg) {
        this.tenantId = tenantId;
        this.draft = draft;
        this.step = step;
        this.values = draft.fields();
        this.msg = msg;
    }

    public String base() {
        return "/t/" + tenantId + "/cards/new/" + draft.id;
    }

    public List<WizardStep> steps() {
        return Arrays.asList(WizardStep.values());
    }

    public boolean reached(WizardStep other) {
        return other.ordinal() <= WizardStep.of(draft.step).orElse(WizardStep.FACE).ordinal() || other == step;
    }

    public String stepOf() {
        return msg.stepOf(step.number(), WizardStep.values().length);
    }

    public boolean submitting() {
        return draft.state == CardDraft.State.SUBMITTING;
    }

    // Values

    public String v(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean on(String name) {
        return "true".equals(v(name));
    }

    public boolean is(String name, Object value) {
        return v(name).equals(String.valueOf(value));
    }

    public String type() {
        return draft.cardType;
    }

    public int bytes(String name) {
        return CardVocabulary.BYTE_LIMITS.getOrDefault(name, 0);
    }

    public String limit(String name) {
        int max = bytes(name);
        return msg.maxBytes(max, max / 3);
    }

    public boolean selectedStore(String poiId) {
        return CardForm.locationIds(v("location_ids")).contains(poiId);
    }

    /** Typed ids that are not among the stores listed, so that they stay in the text field. */
    public String otherLocationIds() {
        List<String> listed = stores.stream().map(WeChatStores.Store::poiId).toList();
        return String.join(",", CardForm.locationIds(v("location_ids")).stream()
                .filter(id -> !listed.contains(id)).toList());
    }

    // Options

    public CardType cardType() {
        return CardType.of(draft.cardType);
    }

    public List<CardType> types() {
        return CardType.CREATABLE;
    }

    public List<CodeType> codeTypes() {
        return List.of(CodeType.values());
    }

    public List<TimeLimitDay> weekdays() {
        return List.of(TimeLimitDay.values());
    }

    /** For the time fields' labels ({wizardMsg:day(d)} cannot be a parameter of another message in Qute). */
    public String dayLabel(TimeLimitDay day) {
        return msg.day(day);
    }

    public List<BusinessService> services() {
        return List.of(BusinessService.values());
    }

    public List<Integer> textImages() {
        return IntStream.rangeClosed(1, CardForm.TEXT_IMAGES).boxed().toList();
    }

    // Preview

    public String hex() {
        for (WeChatCards.Color color : colors) {
            if (color.name().equals(v("color"))) {
                return color.value();
            }
        }
        return CardVocabulary.PALETTE.getOrDefault(v("color"),
                CardVocabulary.PALETTE.get(CardVocabulary.DEFAULT_COLOR));
    }

    public String validity() {
        try {
            if (is("date_type", "DATE_TYPE_FIX_TERM")) {
                String begin = "0".equals(v("fixed_begin_term")) || v("fixed_begin_term").isEmpty() ? msg.sameDay()
                        : msg.afterDays(v("fixed_begin_term"));
                String text = msg.validTerm(begin, v("fixed_term"));
                return v("term_end_date").isEmpty() ? text
                        : text + msg.validTermEnd(LocalDate.parse(v("term_end_date")).toString());
            }
            if (v("begin_date").isEmpty() || v("end_date").isEmpty()) {
                return "";
            }
            return msg.validRange(LocalDate.parse(v("begin_date")).toString(),
                    LocalDate.parse(v("end_date")).toString());
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** The offer in words, as the card shows it. */
    public String offer() {
        switch (type()) {
            case "CASH" -> {
                Long least = v("least_cost").isEmpty() ? Long.valueOf(0) : CardForm.fen(v("least_cost"));
                Long reduce = v("reduce_cost").isEmpty() ? null : CardForm.fen(v("reduce_cost"));
                if (reduce == null || least == null) {
                    return "";
                }
                return least > 0 ? msg.cashRule(v("least_cost"), v("reduce_cost")) : msg.cashNoThreshold(v("reduce_cost"));
            }
            case "DISCOUNT" -> {
                return discountReading();
            }
            case "GROUPON" -> {
                return v("deal_detail");
            }
            case "GIFT" -> {
                return v("gift");
            }
            default -> {
                return v("default_detail");
            }
        }
    }

    /** "8.5折 = 按原价 85% 付款，优惠 15%": both readings, so that 折 and percent off cannot be confused; "" if none. */
    public String discountReading() {
        return Discount.parse(v("discount")).map(d -> msg.discountReading(d.zhe(), d.paidPercent(), d.percentOff()))
                .orElse("");
    }

    /** How many stores the card is limited to (0: every store). */
    public int storeCount() {
        return CardForm.locationIds(v("location_ids")).size();
    }

    /** The entry links' names as the card shows them (centre button, custom, promotion), the filled ones. */
    public List<String> entries() {
        return Stream.of("center_title", "custom_url_name", "promotion_url_name").map(this::v)
                .filter(name -> !name.isBlank()).toList();
    }

    /** tl_MONDAY, tl_MONDAY_begin…; ti1_text… */
    public String name(String prefix, Object key, String suffix) {
        return prefix + key + suffix;
    }

    public boolean anyProblem() {
        return !problems.isEmpty();
    }

    public String problemStep(String field) {
        return CardForm.stepOf(field).slug();
    }

    public String problemStepLabel(String field) {
        return msg.step(CardForm.stepOf(field));
    }
}
