package dev.idsettle.roles;

import dev.idsettle.spi.StoreException;

/** What a role answers when the store fails: unknown only if the store may have committed. */
final class StoreFailures {
  private StoreFailures() {}

  static ActivationResult activation(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }

  static AuthorizationResult authorization(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }

  static ReversalResult reversal(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }
}
