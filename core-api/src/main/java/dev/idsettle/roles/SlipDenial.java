package dev.idsettle.roles;

import dev.idsettle.internal.Checks;

/**
 * Slip activation refused: no slip changed.
 *
 * @param reason the typed reason
 * @param message what was wrong, in words, safe to log (never a full ID number)
 */
public record SlipDenial(SlipDenialReason reason, String message) implements SlipActivationResult {
  /** Requires reason, message. */
  public SlipDenial {
    Checks.notNull(reason, "reason");
    Checks.notNull(message, "message");
  }
}
