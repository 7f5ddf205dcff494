package dev.idsettle.sales;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id PIN hashes in the PHC string format, with a 16-byte random salt. */
final class PinHasher {
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final int HASH_BYTES = 32;

  private final PinCost cost;
  private final SecureRandom random = new SecureRandom();

  PinHasher(PinCost cost) {
    this.cost = cost;
  }

  String hash(String pin) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] out = derive(pin, salt, cost);
    return "$argon2id$v=19$m="
        + cost.memoryKib()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /**
   * Whether {@code pin} matches {@code encoded}; false for a malformed hash (after the same work).
   */
  boolean verify(String pin, String encoded) {
    String[] parts = encoded.split("\\$", -1);
    PinCost stored = cost;
    byte[] salt = new byte[16];
    byte[] expected = new byte[HASH_BYTES];
    boolean wellFormed = false;
    if (parts.length == 6 && parts[1].equals("argon2id")) {
      try {
        String[] p = parts[3].split(",", -1);
        stored = new PinCost(value(p[0]), value(p[1]), value(p[2]));
        salt = B64D.decode(parts[4]);
        expected = B64D.decode(parts[5]);
        wellFormed = true;
      } catch (RuntimeException e) {
        stored = cost;
      }
    }
    byte[] actual = derive(pin, salt, stored);
    return MessageDigest.isEqual(actual, expected) && wellFormed;
  }

  private static int value(String kv) {
    return Integer.parseInt(kv.substring(kv.indexOf('=') + 1));
  }

  private static byte[] derive(String pin, byte[] salt, PinCost cost) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[HASH_BYTES];
    generator.generateBytes(pin.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
