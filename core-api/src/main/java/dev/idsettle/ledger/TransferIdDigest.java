package dev.idsettle.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 behind {@link TransferId#derive}, one per thread: every part is fed as its 4-byte
 * big-endian UTF-8 length and its UTF-8 bytes, so that ("ab","c") and ("a","bc") differ. ASCII
 * parts (the usual terminal names and references) are copied into a reused buffer; the digest is
 * hashed in one call and written into a reused array, so a derivation allocates only its result.
 */
final class TransferIdDigest {
  private static final ThreadLocal<TransferIdDigest> PER_THREAD =
      ThreadLocal.withInitial(TransferIdDigest::new);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int BUFFER = 512;

  private final MessageDigest sha;
  private final byte[] buffer = new byte[BUFFER];
  private final byte[] out = new byte[32];
  private int used;

  private TransferIdDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** This thread's digest, reset. */
  static TransferIdDigest start() {
    TransferIdDigest d = PER_THREAD.get();
    // left dirty only if a previous derivation failed half-way
    d.used = 0;
    d.sha.reset();
    return d;
  }

  /** Feeds {@code s}, length-prefixed. */
  void feed(String s) {
    int n = s.length();
    if (4 + n > BUFFER - used) {
      flush();
    }
    if (4 + n <= BUFFER && copyAscii(s, n)) {
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (4 + utf8.length > BUFFER - used) {
      flush();
    }
    prefix(utf8.length);
    if (utf8.length <= BUFFER - used) {
      System.arraycopy(utf8, 0, buffer, used, utf8.length);
      used += utf8.length;
    } else {
      flush();
      sha.update(utf8);
    }
  }

  /** The id of what was fed. */
  TransferId finish() {
    flush();
    try {
      sha.digest(out, 0, out.length);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digests are 32 bytes", e);
    }
    return new TransferId((long) LONGS.get(out, 0), (long) LONGS.get(out, 8));
  }

  /** Copies {@code s} with its prefix if it is all ASCII (where UTF-8 is one byte per char). */
  private boolean copyAscii(String s, int n) {
    int at = used + 4;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      buffer[at + i] = (byte) c;
    }
    prefix(n);
    used += n;
    return true;
  }

  private void prefix(int n) {
    buffer[used] = (byte) (n >>> 24);
    buffer[used + 1] = (byte) (n >>> 16);
    buffer[used + 2] = (byte) (n >>> 8);
    buffer[used + 3] = (byte) n;
    used += 4;
  }

  private void flush() {
    if (used > 0) {
      sha.update(buffer, 0, used);
      used = 0;
    }
  }
}
