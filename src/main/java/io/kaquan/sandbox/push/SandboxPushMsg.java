package io.kaquan.sandbox.push;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A push's status and a delivery's outcome in the visitor's language, for the console's push list. Chinese in
 * sandboxPushMsg_zh-CN.properties, English in sandboxPushMsg_en.properties.
 */
@MessageBundle(value = "sandboxPushMsg", locale = "zh-CN")
public interface SandboxPushMsg {

    /** A push's status: status_CONSTANT. */
    @Message
    String status(SandboxPush.Status status);

    /** A delivery's outcome: outcome_$CONSTANT (Qute's separator when a constant has an underscore). */
    @Message
    String outcome(SandboxPushAttempt.Outcome outcome);
}
