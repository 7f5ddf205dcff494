package dev.idsettle.roles;

import dev.idsettle.ledger.ExpiryPolicy;

/** Creates ID numbers in the issued (printed, unsold) state. */
public interface Issuer {
  /**
   * Creates {@code count} new IDs in one store call; the store receives only their keyed hashes.
   *
   * @param count 1 to 1 000 000
   * @param expiry when each will expire
   * @return the numbers, for printing: they cannot be read back later
   */
  IssuedIds issue(int count, ExpiryPolicy expiry);
}
