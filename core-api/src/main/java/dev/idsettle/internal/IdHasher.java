package dev.idsettle.internal;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.IdHash;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * HMAC-SHA256 of ID numbers under the issuer key: how the core finds an ID's account without the
 * store ever seeing the number. Thread-safe (one {@link Mac} per thread).
 */
public final class IdHasher {
  /** The shortest issuer key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private final ThreadLocal<Mac> mac;

  /** A hasher under {@code issuerKey} (at least 32 bytes; copied). */
  public IdHasher(byte[] issuerKey) {
    if (issuerKey.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "issuerKey must have at least " + MIN_KEY_BYTES + " bytes, has " + issuerKey.length);
    }
    byte[] key = issuerKey.clone();
    this.mac =
        ThreadLocal.withInitial(
            () -> HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, key));
  }

  /** The keyed hash of {@code id}. */
  public IdHash hash(IdNumber id) {
    return IdHash.of(mac.get().doFinal(id.digits().getBytes(StandardCharsets.US_ASCII)));
  }
}
