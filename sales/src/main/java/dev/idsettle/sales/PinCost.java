package dev.idsettle.sales;

import dev.idsettle.InvalidConfigurationException;

/**
 * The cost of the Argon2id hash a PIN is stored under (RFC 9106, BouncyCastle's implementation).
 * Argon2id rather than the JDK's PBKDF2: it is memory-hard, so a leaked order table costs a guesser
 * memory per guess as well as time, which PBKDF2 (cheap to run on a GPU) does not. A PIN is a few
 * digits, so no hash makes a leaked hash safe on its own: the hash buys time, the check URL's guess
 * limit and the token (which the table does not hold) do the rest.
 *
 * @param memoryKib memory per hash, in KiB (at least 8 per lane)
 * @param iterations passes over the memory (at least 1)
 * @param parallelism lanes (1 to 16)
 */
public record PinCost(int memoryKib, int iterations, int parallelism) {
  /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane (about 20-40 ms here). */
  public static final PinCost DEFAULT = new PinCost(19_456, 2, 1);

  /** Checks the ranges. */
  public PinCost {
    if (parallelism < 1 || parallelism > 16) {
      throw new InvalidConfigurationException(
          "pinCost.parallelism must be 1 to 16, was " + parallelism);
    }
    if (iterations < 1 || iterations > 100) {
      throw new InvalidConfigurationException(
          "pinCost.iterations must be 1 to 100, was " + iterations);
    }
    if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
      throw new InvalidConfigurationException(
          "pinCost.memoryKib must be 8 per lane to 4 GiB, was " + memoryKib);
    }
  }
}
