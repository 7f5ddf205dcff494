package dev.idsettle.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DammCheckDigitTest {
  private static final IdNumberGenerator GENERATOR =
      IdNumberGenerator.secure(IdNumberFormat.DEFAULT);

  @Test
  void catchesEverySingleDigitErrorAndEveryAdjacentSwapOnManyNumbers() {
    long singleErrors = 0;
    long swaps = 0;
    for (int n = 0; n < 20_000; n++) {
      char[] digits = GENERATOR.next().digits().toCharArray();
      for (int pos = 0; pos < digits.length; pos++) {
        char original = digits[pos];
        for (char d = '0'; d <= '9'; d++) {
          if (d == original) {
            continue;
          }
          digits[pos] = d;
          assertThat(DammCheckDigit.isValid(new String(digits)))
              .as("single-digit error at %d undetected", pos)
              .isFalse();
          singleErrors++;
        }
        digits[pos] = original;
      }
      for (int pos = 0; pos + 1 < digits.length; pos++) {
        if (digits[pos] == digits[pos + 1]) {
          continue;
        }
        swap(digits, pos);
        assertThat(DammCheckDigit.isValid(new String(digits)))
            .as("adjacent swap at %d undetected", pos)
            .isFalse();
        swap(digits, pos);
        swaps++;
      }
      assertThat(DammCheckDigit.isValid(new String(digits))).isTrue();
    }
    assertThat(singleErrors).isEqualTo(20_000L * 16 * 9);
    assertThat(swaps).isGreaterThan(20_000L * 13);
  }

  @Test
  void everyPairOfAdjacentDigitsInEveryStateIsCaught() {
    // exhaustive over the table: whatever precedes, swapping two distinct digits changes the state
    for (int prefix = 0; prefix < 1000; prefix++) {
      String p = String.format("%03d", prefix);
      for (char a = '0'; a <= '9'; a++) {
        for (char b = '0'; b <= '9'; b++) {
          if (a != b) {
            String ab = p + a + b;
            String ba = p + b + a;
            assertThat(DammCheckDigit.compute(ab)).isNotEqualTo(DammCheckDigit.compute(ba));
          }
        }
      }
    }
  }

  @Test
  void luhnWouldMissASwapThatDammCatches() {
    // 09 <-> 90 is the classic adjacent swap Luhn cannot see
    String body = "123456789012309";
    String swapped = "123456789012390";
    String valid = body + DammCheckDigit.compute(body);
    String tampered = swapped + valid.charAt(valid.length() - 1);
    assertThat(DammCheckDigit.isValid(valid)).isTrue();
    assertThat(DammCheckDigit.isValid(tampered)).isFalse();
  }

  /** A chi-squared test; a failure names its seed, and {@code -Didsettle.seed=N} replays it. */
  @Test
  void generatedDigitsAreUniform() throws NoSuchAlgorithmException {
    long seed = Long.getLong("idsettle.seed", System.nanoTime());
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed); // before its first use: the generator then draws only from the seed
    IdNumberGenerator g = IdNumberGenerator.using(IdNumberFormat.DEFAULT, random);
    int[] counts = new int[10];
    int draws = 20_000;
    for (int i = 0; i < draws; i++) {
      String d = g.next().digits();
      for (int k = 0; k < d.length() - 1; k++) {
        counts[d.charAt(k) - '0']++;
      }
    }
    double expected = draws * 15 / 10.0;
    double chi2 = 0;
    for (int c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    // 9 degrees of freedom: P(chi2 > 33.7) < 0.0001
    assertThat(chi2)
        .as("chi-squared of the digits with seed %d (rerun: -Didsettle.seed=%d)", seed, seed)
        .isLessThan(33.7);
  }

  @Test
  void generatorHonoursLength() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      int len = r.nextInt(IdNumberFormat.MIN_LENGTH, IdNumberFormat.MAX_LENGTH + 1);
      IdNumber id = IdNumberGenerator.secure(new IdNumberFormat(len)).next();
      assertThat(id.length()).isEqualTo(len);
      assertThat(new IdNumberFormat(len).parse(id.digits())).isEqualTo(id);
    }
  }

  private static void swap(char[] d, int pos) {
    char t = d[pos];
    d[pos] = d[pos + 1];
    d[pos + 1] = t;
  }
}
