package dev.idsettle.roles;

import dev.idsettle.money.Money;
import java.util.Objects;

/**
 * A service that IDs pay for, with the reference amount below which a permit warns the user (claim
 * 11).
 *
 * @param name the service's name, 1 to 60 characters
 * @param lowBalanceReference warn when the balance left is below this; zero for never
 */
public record Service(String name, Money lowBalanceReference) {
  /** Validates the fields. */
  public Service {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lowBalanceReference, "lowBalanceReference");
    if (name.isEmpty() || name.length() > 60) {
      throw new IllegalArgumentException("service name must have 1 to 60 characters");
    }
    if (lowBalanceReference.minor() < 0) {
      throw new IllegalArgumentException("lowBalanceReference must not be negative");
    }
  }
}
