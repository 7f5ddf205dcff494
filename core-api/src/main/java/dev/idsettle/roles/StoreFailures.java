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

  static SelectionResult selection(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }

  static ValidityResult validity(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }

  static BlockResult block(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }

  static SubIdResult subId(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }
}
