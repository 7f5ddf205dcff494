package dev.idsettle.sales;

import dev.idsettle.money.Money;

/** The answer to a refund of a sold ID. */
public sealed interface RefundResult
    permits RefundResult.Refunded, RefundResult.RefundRefused, RefundResult.RefundPending {

  /**
   * Done: the unspent value was taken off the ID (which is now void) and the money returned.
   *
   * @param orderKey the order
   * @param takenBack the unspent value taken back from the ID
   * @param refunded the money returned to the buyer (the price, in proportion to what was unspent)
   */
  record Refunded(String orderKey, Money takenBack, Money refunded) implements RefundResult {}

  /**
   * Nothing was refunded.
   *
   * @param orderKey the order
   * @param reason why
   */
  record RefundRefused(String orderKey, Reason reason) implements RefundResult {}

  /**
   * The value was taken back but the gateway has not confirmed the refund yet: retry with the same
   * key, or let recovery finish it.
   *
   * @param orderKey the order
   */
  record RefundPending(String orderKey) implements RefundResult {}

  /** Why a refund was refused. */
  enum Reason {
    /** No delivered sale under that key. */
    NOT_SOLD,
    /** A spend is in progress on the ID (an open hold): try again when it has settled. */
    SPEND_IN_PROGRESS,
    /** The ID was spent while the refund was being made: ask again (with a new key). */
    CHANGED_DURING_REFUND,
    /** The refund key was used before for another order. */
    KEY_REUSED
  }
}
