package io.kaquan.sandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.kaquan.web.I18n;
import io.kaquan.web.TimeTexts;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Sandbox values in the visitor's language, for the console templates. */
@TemplateExtension
public class SandboxTexts {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeTexts.SHANGHAI);

    static String label(SandboxAccount.MessageMode mode) {
        SandboxMsg msg = msg();
        return switch (mode) {
            case PLAIN -> msg.mode_PLAIN();
            case COMPAT -> msg.mode_COMPAT();
            case SAFE -> msg.mode_SAFE();
        };
    }

    static String label(SandboxPush.Status status) {
        SandboxMsg msg = msg();
        return switch (status) {
            case PENDING -> msg.push_PENDING();
            case SENDING -> msg.push_SENDING();
            case DELIVERED -> msg.push_DELIVERED();
            case FAILED -> msg.push_FAILED();
            case DROPPED -> msg.push_DROPPED();
        };
    }

    static String label(SandboxPushAttempt.Outcome outcome) {
        SandboxMsg msg = msg();
        return switch (outcome) {
            case OK -> msg.outcome_OK();
            case BAD_REPLY -> msg.outcome_BAD_REPLY();
            case HTTP_ERROR -> msg.outcome_HTTP_ERROR();
            case TIMEOUT -> msg.outcome_TIMEOUT();
            case NO_ANSWER -> msg.outcome_NO_ANSWER();
        };
    }

    static String label(SandboxToken.Kind kind) {
        return kind == SandboxToken.Kind.CLASSIC ? msg().kind_CLASSIC() : msg().kind_STABLE();
    }

    /** Valid, in its overlap, invalidated or expired, as of now. */
    static String state(SandboxToken token) {
        SandboxMsg msg = msg();
        Instant now = Instant.now();
        if (token.revokedAt(now)) {
            return msg.tokenRevoked();
        }
        if (!token.validAt(now)) {
            return msg.tokenExpired();
        }
        if (token.revokedAt != null && token.revokedAt.isBefore(token.expiresAt)) {
            return msg.tokenOverlap(SECONDS.format(token.revokedAt));
        }
        return msg.tokenValid();
    }

    /** Push and token times need seconds. */
    static String shanghaiSeconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }

    private static SandboxMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(SandboxMsg.class);
    }
}
