package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;
import java.util.Map;

/**
 * Value moved between an ID and its envelopes (claim 5).
 *
 * @param unallocated what is left on the ID itself, usable at any service without an envelope
 * @param envelopes the available balance of each of the ID's envelopes, by service name
 * @param replayed whether this reference had been applied before (this is its original outcome; the
 *     balances are the current ones)
 */
public record Selected(Money unallocated, Map<String, Money> envelopes, boolean replayed)
    implements SelectionResult {
  /** Copies the map. */
  public Selected {
    Checks.notNull(unallocated, "unallocated");
    envelopes = Map.copyOf(Checks.notNull(envelopes, "envelopes"));
  }
}
