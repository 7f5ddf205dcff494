package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.spi.StoreException;

/**
 * The store failed and the slips may or may not have been activated: retry with the same reference
 * to learn it (a replay returns the original result).
 *
 * @param message what happened
 * @param cause the store's exception
 */
public record SlipUnknown(String message, StoreException cause) implements SlipActivationResult {
  /** Requires message, cause. */
  public SlipUnknown {
    Checks.notNull(message, "message");
    Checks.notNull(cause, "cause");
  }
}
