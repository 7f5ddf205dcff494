package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;

/**
 * A store's point of sale (the patent's settlement terminal device): activates an ID when the user
 * pays for it, and reverses an activation whose answer it did not get.
 */
public interface SettlementTerminal {
  /** This terminal's id. */
  String terminalId();

  /**
   * Turns an issued ID active with {@code amount} as its balance.
   *
   * @param id the ID read from the media
   * @param amount what the user paid; must be positive and in the ledger's currency
   * @param reference the terminal's transaction reference: the idempotency key (a retry returns the
   *     original result)
   */
  ActivationResult activate(IdNumber id, Money amount, String reference);

  /**
   * Undoes the activation made under {@code reference} (idempotent). If it never arrived, it is
   * barred so that it cannot arrive later. Refused once the ID has been used.
   */
  ReversalResult reverse(IdNumber id, String reference);
}
