package io.kaquan.card;

/** What a card use case ended with, for the flash: a success or a problem the merchant must know about. */
public record CardOutcome(boolean ok, String message) {
}
