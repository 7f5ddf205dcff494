package dev.idsettle.sales;

/**
 * The answer to a purchase: {@link Purchased}, {@link PurchaseRefused} (nothing charged, or charged
 * and refunded), or {@link PurchasePending} (not finished: retry with the same key, or let recovery
 * finish it; never a refusal). A retry with the same key returns the same answer once it is final.
 */
public sealed interface PurchaseResult
    permits PurchaseResult.Purchased,
        PurchaseResult.PurchaseRefused,
        PurchaseResult.PurchasePending {

  /** The order's idempotency key. */
  String orderKey();

  /**
   * The ID was delivered, activated for {@code value}. {@code toString} masks the ID and the token.
   *
   * @param orderKey the order
   * @param denomination the denomination's code
   * @param id the ID number
   * @param value what it holds
   * @param price what was charged
   * @param checkToken the token of the ID's check URL (show it to the buyer; it is not kept)
   */
  record Purchased(
      String orderKey,
      String denomination,
      dev.idsettle.id.IdNumber id,
      dev.idsettle.money.Money value,
      dev.idsettle.money.Money price,
      String checkToken)
      implements PurchaseResult {
    @Override
    public String toString() {
      return "Purchased[orderKey="
          + orderKey
          + ", denomination="
          + denomination
          + ", id="
          + id.masked()
          + ", value="
          + value
          + ", price="
          + price
          + ", checkToken=***]";
    }
  }

  /**
   * Nothing was delivered.
   *
   * @param orderKey the order
   * @param reason why
   */
  record PurchaseRefused(String orderKey, PurchaseRefusal reason) implements PurchaseResult {}

  /**
   * Not finished (the gateway or a store did not answer).
   *
   * @param orderKey the order
   * @param state where the saga stands
   */
  record PurchasePending(String orderKey, String state) implements PurchaseResult {}
}
