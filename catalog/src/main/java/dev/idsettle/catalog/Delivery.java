package dev.idsettle.catalog;

/**
 * Hands a bought item to its buyer (ships goods, sends the ticket code). The catalogue calls it
 * once the ID has paid, and gives the value back if it answers {@link DeliveryResult.Failed} or
 * throws.
 *
 * <p>It may be called again for the same {@link Order#reference()} (a purchase retried after a
 * crash or a lost answer): an implementation delivers once per reference and answers {@link
 * DeliveryResult.Delivered} again for a reference it has delivered.
 */
@FunctionalInterface
public interface Delivery {
  /** Delivers {@code order}, or says why it could not. */
  DeliveryResult deliver(Order order);
}
