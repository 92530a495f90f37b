package io.kaquan.stats;

/** The five things the datacube counts, in the order the dashboard shows them. */
public enum Metric {
    VIEW,
    RECEIVE,
    VERIFY,
    GIVEN,
    EXPIRE
}
