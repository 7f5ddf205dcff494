package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * The slips are active, each holding its face value (on its service's envelope if it names one).
 *
 * @param count how many slips were activated
 * @param total the sum of their face values, as paid
 * @param replayed whether this reference had activated them before (this is its original result)
 */
public record SlipsActivated(int count, Money total, boolean replayed)
    implements SlipActivationResult {
  /** Requires total. */
  public SlipsActivated {
    Checks.notNull(total, "total");
  }
}
