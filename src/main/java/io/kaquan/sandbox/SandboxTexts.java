package io.kaquan.sandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.kaquan.web.I18n;
import io.kaquan.web.TimeTexts;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Token states and push times in the visitor's language, for the console templates (enums: SandboxMsg). */
@TemplateExtension
public class SandboxTexts {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(TimeTexts.SHANGHAI);

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
