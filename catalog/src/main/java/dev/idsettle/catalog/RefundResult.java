package dev.idsettle.catalog;

import dev.idsettle.money.Money;

/**
 * The outcome of {@link Catalogue#refund} and {@link Catalogue#revoke}: {@link Refunded}, {@link
 * Refused} or {@link Interrupted} (retry).
 */
public sealed interface RefundResult
    permits RefundResult.Refunded, RefundResult.Refused, Interrupted {

  /**
   * Done: the order is closed (a ticket revoked).
   *
   * @param amount what went back to the ID (zero for a revocation without refund)
   * @param replayed whether this order had been refunded or revoked that way before
   */
  record Refunded(Money amount, boolean replayed) implements RefundResult {}

  /**
   * Refused; nothing changed.
   *
   * @param reason why
   */
  record Refused(RefundRefusal reason) implements RefundResult {}

  /** Why a refund or revocation was refused. */
  enum RefundRefusal {
    /** No order with that reference. */
    UNKNOWN_ORDER,
    /** The ticket was checked in: it cannot be refunded or revoked. */
    TICKET_USED,
    /** The ticket's validity ended unused: it cannot be refunded or revoked. */
    TICKET_EXPIRED,
    /** The order was already refunded, revoked or given back undelivered. */
    ALREADY_CLOSED,
    /** Only a ticket can be revoked. */
    NOT_A_TICKET,
    /** The ID that paid can no longer be credited (blocked, expired or closed). */
    ID_CLOSED
  }
}
