package dev.idsettle.ledger;

import java.util.Arrays;
import org.apache.commons.codec.binary.Hex;
import org.jspecify.annotations.Nullable;

/**
 * The keyed hash (HMAC-SHA256 under the issuer key) of an ID number: all a store ever sees of one.
 */
public final class IdHash {
  /** Length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;
  private final int hash;

  private IdHash(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** Wraps a copy of 32 hash bytes. */
  public static IdHash of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "an ID hash has " + LENGTH + " bytes, got " + bytes.length);
    }
    return new IdHash(bytes.clone());
  }

  /** A copy of the bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IdHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The first 8 hex digits: enough to tell hashes apart in a log, useless to an attacker. */
  @Override
  public String toString() {
    return "IdHash[" + Hex.encodeHexString(Arrays.copyOf(bytes, 4)) + "...]";
  }
}
