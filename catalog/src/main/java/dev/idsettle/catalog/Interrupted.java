package dev.idsettle.catalog;

import dev.idsettle.spi.StoreException;

/**
 * The store failed part-way. Nothing is lost: retry with the same reference (or, for a check-in,
 * the same nonce), which finishes the purchase or gives its value back, and answers as the first
 * complete attempt would have.
 *
 * @param message what happened
 * @param cause the store's exception
 */
public record Interrupted(String message, StoreException cause)
    implements PurchaseResult, RefundResult, CheckInResult {
  static Interrupted of(StoreException e) {
    return new Interrupted(
        "the store failed ("
            + e.getMessage()
            + (e.mayHaveCommitted() ? ", may have committed" : ", nothing committed")
            + "): retry with the same reference",
        e);
  }
}
