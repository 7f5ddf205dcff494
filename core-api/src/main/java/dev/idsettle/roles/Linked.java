package dev.idsettle.roles;

import dev.idsettle.internal.Checks;

/**
 * The ID is now one of its holder's (claim 8): a request presenting any ID of the holder may spend
 * up to the sum of their balances through {@link Holders#authenticator}.
 *
 * @param ids how many IDs the holder has (merged ones included), this one among them
 * @param replayed whether this reference had linked this ID before and this is that answer again
 */
public record Linked(int ids, boolean replayed) implements HolderResult {
  /** Requires at least one ID. */
  public Linked {
    if (ids < 1) {
      throw Checks.invalid("ids", ids, "must be at least 1");
    }
  }
}
