package dev.idsettle.sales;

import org.jspecify.annotations.Nullable;

/**
 * One ID in stock, as the records keep it: the ID number only sealed (encrypted and authenticated
 * under the desk's key, bound to {@code stockId}), so a leaked table shows no ID.
 *
 * @param stockId the entry's identity
 * @param denomination the denomination's code
 * @param sealedId the sealed ID number (base64)
 * @param state where it is
 * @param orderKey the order holding it, once reserved
 */
public record StockEntry(
    String stockId,
    String denomination,
    String sealedId,
    StockState state,
    @Nullable String orderKey) {
  /** Requires every field but the order. */
  public StockEntry {
    Args.text(stockId, "stockId", 64);
    Args.text(denomination, "denomination", Denomination.MAX_CODE);
    Args.text(sealedId, "sealedId", 512);
    Args.notNull(state, "state");
  }
}
