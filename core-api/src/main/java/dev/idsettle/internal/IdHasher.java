package dev.idsettle.internal;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.ledger.IdHash;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * HMAC-SHA256 of ID numbers under the issuer key: how the core finds an ID's account without the
 * store ever seeing the number. Thread-safe (one keyed {@link Mac} per thread, keyed once).
 */
public final class IdHasher {
  /** The shortest issuer key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private final ThreadLocal<PerThread> perThread;

  /** A hasher under {@code issuerKey} (at least 32 bytes; copied). */
  public IdHasher(byte[] issuerKey) {
    if (issuerKey.length < MIN_KEY_BYTES) {
      throw new InvalidConfigurationException(
          "issuerKey must have at least " + MIN_KEY_BYTES + " bytes, has " + issuerKey.length);
    }
    byte[] key = issuerKey.clone();
    this.perThread =
        ThreadLocal.withInitial(
            () -> new PerThread(HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, key)));
  }

  /** A key that repeats a pattern of at most this many bytes is no key (all zeros, "abab..."). */
  public static final int MAX_WEAK_PERIOD = 8;

  /**
   * The length of the shortest pattern whose repetition makes up {@code key} (its length if none):
   * 1 for all one byte, 2 for {@code 0x0102 0102 ...}.
   */
  public static int shortestPeriod(byte[] key) {
    for (int p = 1; p < key.length; p++) {
      boolean repeats = true;
      for (int i = p; i < key.length && repeats; i++) {
        repeats = key[i] == key[i - p];
      }
      if (repeats) {
        return p;
      }
    }
    return key.length;
  }

  /** The keyed hash of {@code id}. */
  public IdHash hash(IdNumber id) {
    PerThread t = perThread.get();
    String digits = id.digits();
    int n = digits.length();
    if (n > t.ascii.length) {
      return IdHash.of(t.mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
    }
    // the digits are ASCII: copied straight into a reused buffer instead of encoded into a new one
    for (int i = 0; i < n; i++) {
      t.ascii[i] = (byte) digits.charAt(i);
    }
    t.mac.update(t.ascii, 0, n);
    return IdHash.of(t.mac.doFinal());
  }

  /**
   * The keyed hash of a name made of {@code parts} (an account key's name, such as an ID's envelope
   * for a service). The input starts with a byte no ID number has, and the parts are separated by a
   * NUL, so it never collides with the hash of an ID number or of other parts.
   */
  public IdHash derive(String... parts) {
    StringBuilder name = new StringBuilder("\u0001idsettle-key");
    for (String part : parts) {
      name.append('\u0000').append(part);
    }
    Mac mac = perThread.get().mac;
    return IdHash.of(mac.doFinal(name.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** A thread's keyed MAC and input buffer. */
  private static final class PerThread {
    final Mac mac;
    final byte[] ascii = new byte[IdNumberFormat.MAX_LENGTH];

    PerThread(Mac mac) {
      this.mac = mac;
    }
  }
}
