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
   * account, that account's row lock (held by a SQL store until the commit is on disk) would
   * serialize all debits of a service. The shard is chosen by the requesting terminal, so a batch
   * from one terminal locks one revenue row and concurrent terminals rarely share one; the
   * service's revenue is the sum of its shards.
   */
  public static final int REVENUE_SHARDS = 256;

  /** Revenue account {@code shard} (0 to {@link #REVENUE_SHARDS} - 1) of a service. */
  public static AccountId revenue(String service, Currency currency, int shard) {
    return AccountId.named("revenue:" + currency.getCurrencyCode() + ":" + service + "#" + shard);
  }

  /**
   * The revenue shard of a debit requested by {@code requester} (a terminal id). A function of the
   * request alone, so that a retried request credits the same account and replays.
   */
  public static int revenueShard(String requester) {
    int h = requester.hashCode();
    // murmur3's finalizer: similar names (kiosk-1, kiosk-2, ...) land on unrelated shards
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Integer.remainderUnsigned(h, REVENUE_SHARDS);
  }

  /**
   * Where a reversal of nothing (no activation under its reference) puts the tombstone that bars a
   * late activation under that reference: one account for every terminal, so that the row names no
   * ID and is the same whether the ID was issued or not.
   */
  public static AccountId barred(Currency currency) {
    return AccountId.named("barred:" + currency.getCurrencyCode());
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

  /**
   * The transfer id of a debit for {@code service} through the handle of {@code source}, requested
   * by {@code terminal} under its reference: another source's handle derives other ids from the
   * same request, so it cannot use up this one's references.
   */
  public static TransferId debit(String service, String source, String terminal, String reference) {
    return TransferId.derive("idsettle:sourced-debit", service, source, terminal, reference);
  }
}
