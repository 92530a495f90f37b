package io.kaquan.wechat;

/**
 * Where a WeChat call that must never be sent twice stands (a stock change, an invalidation, a code change, a
 * redemption, a deposit…). The intent is written {@link #PENDING} before the call; the answer, or a later reading of
 * WeChat's state, settles it as {@link #APPLIED} or {@link #NOT_APPLIED}; a lost answer that no reading can decide yet
 * stays {@link #UNCERTAIN}. One vocabulary for every such operation, stored under these names.
 */
public enum CallState {
    /** Recorded; the call is being made. */
    PENDING,
    /** WeChat made the change. */
    APPLIED,
    /** WeChat did not make the change. */
    NOT_APPLIED,
    /** The answer was lost and no reading of WeChat has decided it yet. */
    UNCERTAIN;

    /** Still open: a second operation on the same target must wait until this one is settled. */
    public boolean open() {
        return this == PENDING || this == UNCERTAIN;
    }
}
