package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * A service that IDs pay for, with the reference amount below which a permit warns the user (claim
 * 11).
 *
 * @param name the service's name, 1 to 60 characters
 * @param lowBalanceReference warn when the balance left is below this; zero for never
 *     <p>Construction throws {@link InvalidRequestException} naming the field that is null or out
 *     of range
 */
public record Service(String name, Money lowBalanceReference) {
  /** The longest service name, in characters. */
  public static final int MAX_NAME = 60;

  /** Validates the fields. */
  public Service {
    Checks.text(name, "name", MAX_NAME);
    Checks.notNull(lowBalanceReference, "lowBalanceReference");
    if (lowBalanceReference.minor() < 0) {
      throw Checks.invalid("lowBalanceReference", lowBalanceReference, "must not be negative");
    }
  }
}
