package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The identity of a ledger account: a positive 63-bit number. ID accounts get random ones (they
 * reveal nothing about the ID number); operator accounts get one derived from their name, so every
 * process finds the same account without a look-up.
 *
 * @param value positive
 */
public record AccountId(long value) implements Comparable<AccountId> {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Requires a positive value. */
  public AccountId {
    if (value <= 0) {
      throw new InvalidRequestException("account id must be positive, was " + value);
    }
  }

  /** A fresh random account id. */
  public static AccountId random() {
    long v;
    do {
      v = RANDOM.nextLong() & Long.MAX_VALUE;
    } while (v == 0);
    return new AccountId(v);
  }

  /** The id of the operator account called {@code name} (stable across processes). */
  public static AccountId named(String name) {
    Checks.notNull(name, "name");
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("idsettle:account:" + name).getBytes(StandardCharsets.UTF_8));
      long v = ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
      return new AccountId(v == 0 ? 1 : v);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public int compareTo(AccountId o) {
    return Long.compare(value, o.value);
  }

  @Override
  public String toString() {
    return "A" + value;
  }
}
