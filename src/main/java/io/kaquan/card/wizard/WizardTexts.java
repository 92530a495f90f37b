package io.kaquan.card.wizard;

/** Option labels of the wizard in the visitor's language (enums of WeChat's card/create). */
final class WizardTexts {

    private WizardTexts() {
    }

    static String step(WizardMsg m, WizardStep step) {
        return switch (step) {
            case TYPE -> m.step_type();
            case FACE -> m.step_face();
            case DETAILS -> m.step_details();
            case RULES -> m.step_rules();
            case STORES -> m.step_stores();
            case ENTRIES -> m.step_entries();
            case ADVANCED -> m.step_advanced();
            case REVIEW -> m.step_review();
        };
    }

    static String type(WizardMsg m, String type) {
        return switch (type) {
            case "GROUPON" -> m.type_GROUPON();
            case "CASH" -> m.type_CASH();
            case "DISCOUNT" -> m.type_DISCOUNT();
            case "GIFT" -> m.type_GIFT();
            default -> m.type_GENERAL_COUPON();
        };
    }

    static String typeHelp(WizardMsg m, String type) {
        return switch (type) {
            case "GROUPON" -> m.typeHelp_GROUPON();
            case "CASH" -> m.typeHelp_CASH();
            case "DISCOUNT" -> m.typeHelp_DISCOUNT();
            case "GIFT" -> m.typeHelp_GIFT();
            default -> m.typeHelp_GENERAL_COUPON();
        };
    }

    static String codeType(WizardMsg m, String codeType) {
        return switch (codeType) {
            case "CODE_TYPE_QRCODE" -> m.code_CODE_TYPE_QRCODE();
            case "CODE_TYPE_BARCODE" -> m.code_CODE_TYPE_BARCODE();
            case "CODE_TYPE_TEXT" -> m.code_CODE_TYPE_TEXT();
            case "CODE_TYPE_ONLY_QRCODE" -> m.code_CODE_TYPE_ONLY_QRCODE();
            case "CODE_TYPE_ONLY_BARCODE" -> m.code_CODE_TYPE_ONLY_BARCODE();
            default -> m.code_CODE_TYPE_NONE();
        };
    }

    static String day(WizardMsg m, String day) {
        return switch (day) {
            case "MONDAY" -> m.day_MONDAY();
            case "TUESDAY" -> m.day_TUESDAY();
            case "WEDNESDAY" -> m.day_WEDNESDAY();
            case "THURSDAY" -> m.day_THURSDAY();
            case "FRIDAY" -> m.day_FRIDAY();
            case "SATURDAY" -> m.day_SATURDAY();
            case "SUNDAY" -> m.day_SUNDAY();
            default -> m.day_HOLIDAY();
        };
    }

    static String service(WizardMsg m, String service) {
        return switch (service) {
            case "BIZ_SERVICE_DELIVER" -> m.biz_BIZ_SERVICE_DELIVER();
            case "BIZ_SERVICE_FREE_PARK" -> m.biz_BIZ_SERVICE_FREE_PARK();
            case "BIZ_SERVICE_WITH_PET" -> m.biz_BIZ_SERVICE_WITH_PET();
            default -> m.biz_BIZ_SERVICE_FREE_WIFI();
        };
    }
}
