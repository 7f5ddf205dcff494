package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.spi.StoreException;

/**
 * The store failed before anything was committed ({@link StoreException#mayHaveCommitted()} is
 * false): nothing changed. Retry, with the same reference or a new one; there is nothing to
 * reverse. This is neither a refusal of the ID (do not tell the user it is invalid) nor {@link
 * Unknown} (which may have committed).
 *
 * @param message what happened, safe to log
 * @param cause the store's exception
 */
public record Unavailable(String message, StoreException cause)
    implements ActivationResult,
        AuthorizationResult,
        ReversalResult,
        SelectionResult,
        ValidityResult,
        BlockResult,
        SubIdResult,
        HolderResult {
  /** Requires every field. */
  public Unavailable {
    Checks.notNull(message, "message");
    Checks.notNull(cause, "cause");
  }

  static Unavailable of(StoreException e) {
    return new Unavailable(
        "nothing was done (" + e.getMessage() + "): the store failed before committing; retry", e);
  }
}
