package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * The activation is undone: its amount went back to the terminal's cash and the ID is issued (not
 * sold) again; or it never arrived and is now barred.
 *
 * @param amount the amount taken back (zero if the activation never arrived or was refused)
 * @param replayed whether this reversal had been done before
 */
public record Reversed(Money amount, boolean replayed) implements ReversalResult {
  /** Requires the amount. */
  public Reversed {
    Checks.notNull(amount, "amount");
  }
}
