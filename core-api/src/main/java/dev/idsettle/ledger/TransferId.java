package dev.idsettle.ledger;

import dev.idsettle.internal.Checks;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The caller-chosen identity of a transfer: 128 bits, also its idempotency key. Submitting the same
 * id again with the same content returns the original result; with other content it is refused.
 * Roles derive ids from their own keys (a terminal's transaction reference) with {@link #derive}.
 */
public record TransferId(long high, long low) implements Comparable<TransferId> {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh random id. */
  public static TransferId random() {
    return new TransferId(RANDOM.nextLong(), RANDOM.nextLong());
  }

  /**
   * An id derived from a namespace and parts (SHA-256, truncated to 128 bits): the same inputs
   * always give the same id, different inputs practically never do.
   */
  public static TransferId derive(String namespace, String... parts) {
    TransferIdDigest digest = TransferIdDigest.start();
    digest.feed(Checks.notNull(namespace, "namespace"));
    Checks.notNull(parts, "parts");
    for (int i = 0; i < parts.length; i++) {
      digest.feed(Checks.notNull(parts[i], "parts[" + i + "]"));
    }
    return digest.finish();
  }

  /** The id as a UUID (the form stores keep it in). */
  public UUID toUuid() {
    return new UUID(high, low);
  }

  /** The id of a UUID. */
  public static TransferId of(UUID uuid) {
    Checks.notNull(uuid, "uuid");
    return new TransferId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
  }

  @Override
  public int compareTo(TransferId o) {
    int c = Long.compare(high, o.high);
    return c != 0 ? c : Long.compare(low, o.low);
  }

  @Override
  public String toString() {
    return toUuid().toString();
  }
}
