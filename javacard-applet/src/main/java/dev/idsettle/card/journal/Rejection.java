package dev.idsettle.card.journal;

import dev.idsettle.card.CardReceipt;

/**
 * A receipt that was not settled and never will be as it is.
 *
 * @param receipt the receipt as received
 * @param reason why
 */
public record Rejection(CardReceipt receipt, String reason) {}
