package dev.idsettle.catalog;

import dev.idsettle.money.Money;
import dev.idsettle.roles.Denial;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link Catalogue#buy}: {@link Bought}, {@link Declined}, {@link NotDelivered}, or
 * {@link Interrupted} (retry with the same reference). A purchase retried with the same reference
 * gets its first answer again ({@code replayed}).
 */
public sealed interface PurchaseResult
    permits PurchaseResult.Bought,
        PurchaseResult.Declined,
        PurchaseResult.NotDelivered,
        Interrupted {

  /**
   * Paid and delivered.
   *
   * @param reference the order reference
   * @param item the item
   * @param balance the ID's available balance after paying (for a replay: as the first answer said)
   * @param ticket the ticket code for a ticket (a secret: show it to the buyer only), else null
   * @param replayed whether this reference was bought before and this is that purchase
   */
  record Bought(
      String reference, Item item, Money balance, @Nullable TicketCode ticket, boolean replayed)
      implements PurchaseResult {}

  /**
   * The ID did not pay: nothing changed.
   *
   * @param denial the authenticator's denial ({@link Denial#publicReason()} is what a buyer may be
   *     shown)
   */
  record Declined(Denial denial) implements PurchaseResult {}

  /**
   * Paid, but the delivery failed, and the value went back to the ID.
   *
   * @param reason the delivery's reason
   * @param returned the value given back to the ID; zero if the ID could no longer be credited
   *     (blocked, expired or closed since): the price then stays in the order for the operator
   * @param replayed whether this is the answer to an earlier attempt with this reference
   */
  record NotDelivered(String reason, Money returned, boolean replayed) implements PurchaseResult {}
}
