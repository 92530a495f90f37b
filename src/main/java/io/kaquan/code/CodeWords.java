package io.kaquan.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatMsg;

/** What the counter is told, in the visitor's language: WeChat's refusals in the counter's words, operations named. */
@ApplicationScoped
class CodeWords {

    @Inject
    I18n i18n;

    CodeMsg msg() {
        return i18n.bundle(CodeMsg.class);
    }

    /** A refused lookup: unknown, consumed or unusable in the counter's words, other errors as WeChat's. */
    String lookupRefused(WeChatException e) {
        CodeMsg msg = msg();
        if (e.kind() == WeChatException.Kind.REFUSED) {
            switch (e.errcode()) {
                case 40056:
                    return msg.notFound();
                case 40099:
                    return msg.consumedAtCheck();
                case 40127:
                    return msg.unusableAtCheck();
                default:
                    break;
            }
        }
        return wechat(e);
    }

    /** A refused operation or its preceding read. */
    String operationRefused(WeChatException e) {
        if (e.kind() == WeChatException.Kind.REFUSED && e.errcode() == 40056) {
            return msg().notFound();
        }
        return wechat(e);
    }

    String wechat(WeChatException e) {
        return WeChatErrors.message(i18n.bundle(WeChatMsg.class), e);
    }

    /** "Invalidate 123" / "Change code 123 → 456": an operation named for a message. */
    String what(CodeOperation op) {
        String kind = msg().kind(op.kind);
        return op.kind == Kind.UPDATE ? kind + " " + op.code + " → " + op.newCode : kind + " " + op.code;
    }

    /** The message of an operation that took effect. */
    String applied(CodeOperation op) {
        CodeMsg msg = msg();
        return switch (op.kind) {
            case UNAVAILABLE -> msg.invalidated(op.code);
            case UPDATE -> msg.changed(op.code, op.newCode);
            case CONSUME -> msg.consumed(op.code);
        };
    }
}
