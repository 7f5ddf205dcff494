package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.spi.StoreException;

/**
 * The answer was lost: the store failed and the request may or may not have been applied ({@link
 * StoreException#mayHaveCommitted()} is true). Retry with the same reference (a replay returns the
 * original result) or reverse; never treat this as a refusal. A failure known to have committed
 * nothing is {@link Unavailable} instead.
 *
 * @param message what happened
 * @param cause the store's exception
 */
public record Unknown(String message, StoreException cause)
    implements ActivationResult,
        AuthorizationResult,
        ReversalResult,
        SelectionResult,
        ValidityResult,
        BlockResult,
        SubIdResult,
        HolderResult {
  /** Requires every field. */
  public Unknown {
    Checks.notNull(message, "message");
    Checks.notNull(cause, "cause");
  }

  static Unknown of(StoreException e) {
    return new Unknown(
        "outcome unknown ("
            + e.getMessage()
            + "): retry with the same reference to learn it, or reverse",
        e);
  }
}
