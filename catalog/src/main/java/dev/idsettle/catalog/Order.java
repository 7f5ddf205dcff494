package dev.idsettle.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link Delivery} hands over.
 *
 * @param reference the buyer's order reference, unique per catalogue: deliver once per reference
 * @param item the item bought
 * @param ticket for a ticket, its code (a secret: give it to the buyer only); null for goods
 */
public record Order(String reference, Item item, @Nullable TicketCode ticket) {
  /** Requires the reference and the item. */
  public Order {
    Text.required(reference, "reference");
    Text.required(item, "item");
  }
}
