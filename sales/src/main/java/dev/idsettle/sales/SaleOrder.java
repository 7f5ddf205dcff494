package dev.idsettle.sales;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One purchase as the saga records it. Immutable; the desk writes a new version of it at each step
 * ({@link SaleRecords#replaceOrder}). Holds no secret in the clear: the PIN only as a slow salted
 * hash, the check token only as a SHA-256 hash, the ID only as its stock entry's sealed copy.
 *
 * @param key the buyer's idempotency key
 * @param fingerprint what the order asked for (denomination and buyer), hashed: a key reused for
 *     another order is told apart by it
 * @param denomination the denomination's code
 * @param state where the saga is
 * @param buyer the gateway's member reference
 * @param stockId the stock entry reserved, once reserved
 * @param authorization the gateway's authorization, once known
 * @param capture the gateway's capture, once known
 * @param priceMinor the price, in minor units
 * @param commissionMinor the gateway's commission on it, once captured
 * @param refusal why the order was refused or undone, for {@link SaleState#REFUSED}
 * @param pinHash the buyer's PIN, Argon2id-hashed
 * @param tokenHash SHA-256 of the check token, hex
 * @param refundKey the idempotency key of the buyer's refund, once asked
 * @param takenBackMinor the unspent value taken back from the ID by the refund
 * @param refundMinor the money the refund returns to the buyer
 * @param createdAt when the order was made
 * @param updatedAt when it last changed
 * @param version incremented by each change
 */
public record SaleOrder(
    String key,
    String fingerprint,
    String denomination,
    SaleState state,
    String buyer,
    @Nullable String stockId,
    @Nullable String authorization,
    @Nullable String capture,
    long priceMinor,
    long commissionMinor,
    @Nullable PurchaseRefusal refusal,
    String pinHash,
    String tokenHash,
    @Nullable String refundKey,
    long takenBackMinor,
    long refundMinor,
    Instant createdAt,
    Instant updatedAt,
    int version) {
  /** Requires the fields every order has. */
  public SaleOrder {
    Args.text(key, "key", SalesDesk.MAX_KEY);
    Args.text(fingerprint, "fingerprint", 64);
    Args.text(denomination, "denomination", Denomination.MAX_CODE);
    Args.notNull(state, "state");
    Args.text(buyer, "buyer", 200);
    Args.text(pinHash, "pinHash", 200);
    Args.text(tokenHash, "tokenHash", 64);
    Args.notNull(createdAt, "createdAt");
    Args.notNull(updatedAt, "updatedAt");
  }

  /** The next version in {@code next} state at {@code now}. */
  public SaleOrder to(SaleState next, Instant now) {
    return new SaleOrder(
        key,
        fingerprint,
        denomination,
        next,
        buyer,
        stockId,
        authorization,
        capture,
        priceMinor,
        commissionMinor,
        refusal,
        pinHash,
        tokenHash,
        refundKey,
        takenBackMinor,
        refundMinor,
        createdAt,
        now,
        version + 1);
  }

  /** The next version, refused or undone for {@code reason}. */
  public SaleOrder refused(PurchaseRefusal reason, Instant now) {
    return new SaleOrder(
        key,
        fingerprint,
        denomination,
        SaleState.REFUSED,
        buyer,
        stockId,
        authorization,
        capture,
        priceMinor,
        commissionMinor,
        reason,
        pinHash,
        tokenHash,
        refundKey,
        takenBackMinor,
        refundMinor,
        createdAt,
        now,
        version + 1);
  }

  /** The next version with the stock entry, authorization or capture (and commission) learnt. */
  public SaleOrder with(
      SaleState next,
      @Nullable String stockId,
      @Nullable String authorization,
      @Nullable String capture,
      long commissionMinor,
      Instant now) {
    return new SaleOrder(
        key,
        fingerprint,
        denomination,
        next,
        buyer,
        stockId,
        authorization,
        capture,
        priceMinor,
        commissionMinor,
        refusal,
        pinHash,
        tokenHash,
        refundKey,
        takenBackMinor,
        refundMinor,
        createdAt,
        now,
        version + 1);
  }

  /** The next version, refunding: {@code takenBack} taken from the ID, {@code refund} returned. */
  public SaleOrder refunding(String refundKey, long takenBack, long refund, Instant now) {
    return new SaleOrder(
        key,
        fingerprint,
        denomination,
        SaleState.REFUNDING,
        buyer,
        stockId,
        authorization,
        capture,
        priceMinor,
        commissionMinor,
        refusal,
        pinHash,
        tokenHash,
        refundKey,
        takenBack,
        refund,
        createdAt,
        now,
        version + 1);
  }
}
