package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.commons.codec.binary.Hex;
import org.jspecify.annotations.Nullable;

/**
 * The keyed hash (HMAC-SHA256 under the issuer key) of an ID number: all a store ever sees of one.
 */
public final class IdHash {
  /** Length in bytes. */
  public static final int LENGTH = 32;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // the bytes in the object itself: a map look-up compares them without another memory access
  private final long b0;
  private final long b1;
  private final long b2;
  private final long b3;
  private final int hash;

  private IdHash(long b0, long b1, long b2, long b3) {
    this.b0 = b0;
    this.b1 = b1;
    this.b2 = b2;
    this.b3 = b3;
    // the bytes of an HMAC are uniformly random: any 32 of them make a good hash code
    this.hash = (int) (b0 >>> 32);
  }

  /** Wraps a copy of 32 hash bytes. */
  public static IdHash of(byte[] bytes) {
    Checks.notNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new InvalidRequestException("an ID hash has " + LENGTH + " bytes, got " + bytes.length);
    }
    return new IdHash(
        (long) LONGS.get(bytes, 0),
        (long) LONGS.get(bytes, 8),
        (long) LONGS.get(bytes, 16),
        (long) LONGS.get(bytes, 24));
  }

  /** The hash whose 32 bytes are the four big-endian words {@code w0} to {@code w3}. */
  public static IdHash ofWords(long w0, long w1, long w2, long w3) {
    return new IdHash(w0, w1, w2, w3);
  }

  /** Word {@code i} (0 to 3) of the bytes, big-endian: bytes {@code 8 i} to {@code 8 i + 7}. */
  public long word(int i) {
    return switch (i) {
      case 0 -> b0;
      case 1 -> b1;
      case 2 -> b2;
      case 3 -> b3;
      default -> throw new IndexOutOfBoundsException("an ID hash has words 0 to 3, not " + i);
    };
  }

  /** A copy of the bytes. */
  public byte[] toBytes() {
    byte[] bytes = new byte[LENGTH];
    LONGS.set(bytes, 0, b0);
    LONGS.set(bytes, 8, b1);
    LONGS.set(bytes, 16, b2);
    LONGS.set(bytes, 24, b3);
    return bytes;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IdHash other
        && hash == other.hash
        && b0 == other.b0
        && b1 == other.b1
        && b2 == other.b2
        && b3 == other.b3;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The first 8 hex digits: enough to tell hashes apart in a log, useless to an attacker. */
  @Override
  public String toString() {
    return "IdHash[" + Hex.encodeHexString(Arrays.copyOf(toBytes(), 4)) + "...]";
  }
}
