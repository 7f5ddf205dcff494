package dev.idsettle.internal;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import java.util.Currency;

/** The names of operator accounts and the derivation of transfer ids from callers' keys. */
public final class Keys {
  private Keys() {}

  /** The cash account of a settlement terminal. */
  public static AccountId cash(String terminalId, Currency currency) {
    return AccountId.named("cash:" + currency.getCurrencyCode() + ":" + terminalId);
  }

  /**
   * How many accounts a service's revenue is spread over. Every debit credits revenue; with one
   * account, that account's lock would serialize all debits of a service (a hot account). Spread by
   * the debited ID, debits of different IDs rarely meet; the service's revenue is the sum.
   */
  public static final int REVENUE_SHARDS = 16;

  /** Revenue account {@code shard} (0 to {@link #REVENUE_SHARDS} - 1) of a service. */
  public static AccountId revenue(String service, Currency currency, int shard) {
    return AccountId.named("revenue:" + currency.getCurrencyCode() + ":" + service + "#" + shard);
  }

  /** The revenue shard a debit of {@code debited} goes to. */
  public static int revenueShard(AccountId debited) {
    return (int) Long.remainderUnsigned(Long.rotateRight(debited.value(), 7), REVENUE_SHARDS);
  }

  /** The transfer id of an activation at {@code terminalId} under its reference. */
  public static TransferId activation(String terminalId, String reference) {
    return TransferId.derive("idsettle:activation", terminalId, reference);
  }

  /** The transfer id of the reversal of an activation. */
  public static TransferId reversal(TransferId activation) {
    return TransferId.derive("idsettle:reversal", activation.toString());
  }

  /**
   * The transfer id of a debit for {@code service} requested by {@code terminal} under its
   * reference.
   */
  public static TransferId debit(String service, String terminal, String reference) {
    return TransferId.derive("idsettle:debit", service, terminal, reference);
  }
}
