package dev.idsettle.id;

import dev.idsettle.internal.Checks;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Draws ID numbers from a cryptographic random source. Each digit is drawn with {@link
 * RandomGenerator#nextInt(int)}, which rejects out-of-range values instead of reducing modulo 10,
 * so every digit is uniform (no modulo bias). Thread-safe.
 */
public final class IdNumberGenerator {
  private final IdNumberFormat format;
  private final RandomGenerator random;

  private IdNumberGenerator(IdNumberFormat format, RandomGenerator random) {
    this.format = format;
    this.random = random;
  }

  /** A generator of {@code format}'s length backed by a new {@link SecureRandom}. */
  public static IdNumberGenerator secure(IdNumberFormat format) {
    return new IdNumberGenerator(Checks.notNull(format, "format"), new SecureRandom());
  }

  /**
   * A generator over a caller's source. Use a cryptographic source in production: anything
   * predictable makes ID numbers guessable.
   */
  public static IdNumberGenerator using(IdNumberFormat format, SecureRandom random) {
    return new IdNumberGenerator(
        Checks.notNull(format, "format"), Checks.notNull(random, "random"));
  }

  /** The shape of the numbers this generator draws. */
  public IdNumberFormat format() {
    return format;
  }

  /** Draws one ID number. */
  public IdNumber next() {
    char[] digits = new char[format.length()];
    for (int i = 0; i < digits.length - 1; i++) {
      digits[i] = (char) ('0' + random.nextInt(10));
    }
    String body = new String(digits, 0, digits.length - 1);
    return IdNumber.ofValidated(body + DammCheckDigit.compute(body));
  }
}
