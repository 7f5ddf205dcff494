package dev.idsettle.internal;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import java.util.Currency;

/**
 * The tombstone account and the derivation of transfer ids from callers' keys. The operator's cash
 * and revenue accounts are public: {@link dev.idsettle.roles.OperatorAccounts}.
 */
public final class Keys {
  private Keys() {}

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
