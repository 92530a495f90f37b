package io.kaquan.web;

/** A use case refused an action for a reason the user can read (already in their language); no field is at fault. */
public class ActionRefused extends RuntimeException {

    public ActionRefused(String message) {
        super(message);
    }
}
