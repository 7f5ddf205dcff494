package dev.idsettle.catalog;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing the catalogue sells.
 *
 * @param id the item's key, 1 to {@value #MAX_ID} characters of {@code A-Z a-z 0-9 . _ : -}
 * @param name what the buyer is shown, 1 to 200 characters
 * @param price what it costs, positive
 * @param ticket whether buying it gives an entry permission (a ticket code) rather than goods
 * @param validUntil for a ticket, the moment after which it can no longer be checked in, or null;
 *     always null for goods
 */
public record Item(
    String id, String name, Money price, boolean ticket, @Nullable Instant validUntil) {
  /** The longest item id. */
  public static final int MAX_ID = 48;

  /** Checks every field. */
  public Item {
    Text.name(id, "id", MAX_ID);
    Text.check(name, "name", 200);
    Text.required(price, "price");
    if (price.minor() <= 0) {
      throw new InvalidRequestException("price must be positive, was " + price);
    }
    if (!ticket && validUntil != null) {
      throw new InvalidRequestException("validUntil is for tickets only");
    }
  }

  /** Goods: delivered once bought. */
  public static Item goods(String id, String name, Money price) {
    return new Item(id, name, price, false, null);
  }

  /** An entry permission usable until {@code validUntil} (null: no end). */
  public static Item ticket(String id, String name, Money price, @Nullable Instant validUntil) {
    return new Item(id, name, price, true, validUntil);
  }
}
