package dev.idsettle.tck;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures how long an authorization takes with an ID never issued and with one issued and not
 * sold, interleaved in random order in one run (so load, GC and JIT weigh on both alike), and how
 * well one measurement tells them apart: the probability that a probe of an unsold ID takes longer
 * than a probe of an unknown one (the Mann-Whitney AUC; 0.5 when one cannot tell, 1 when one always
 * can). Each probe is a guess that fails; the clock is moved past the guessing window every {@code
 * budget / 2} pairs so that no budget throttles the run.
 */
public final class ProbeTiming {
  private ProbeTiming() {}

  /**
   * What was measured.
   *
   * @param auc the chance that an unsold probe took longer than an unknown one
   * @param unknownMedianNanos the median of the unknown-ID probes
   * @param unsoldMedianNanos the median of the unsold-ID probes
   */
  public record Separation(double auc, long unknownMedianNanos, long unsoldMedianNanos) {
    @Override
    public String toString() {
      return String.format(
          "AUC %.3f, medians %d ns (unknown) and %d ns (unsold)",
          auc, unknownMedianNanos, unsoldMedianNanos);
    }
  }

  /**
   * Probes {@code settle} (built with {@code clock} and a guessing window of at most {@code
   * window}, each budget at least {@code budget}) {@code warmUp} times unmeasured, then {@code
   * samples} measured pairs.
   */
  public static Separation measure(
      IdSettle settle, MutableClock clock, Duration window, int budget, int warmUp, int samples) {
    Money one = Money.of(1, settle.currency());
    SettlementAuthenticator phone = settle.authenticator(new Service("timing", one));
    List<IdNumber> unsold = settle.issuer().issue(500, ExpiryPolicy.never()).ids();
    IdNumberGenerator guesses = IdNumberGenerator.secure(IdNumberFormat.DEFAULT);
    SplittableRandom random = new SplittableRandom();
    long[] unknownNanos = new long[samples];
    long[] unsoldNanos = new long[samples];
    int pairsPerWindow = Math.max(1, budget / 2 - 1);
    for (int i = 0; i < warmUp + samples; i++) {
      if (i % pairsPerWindow == 0) {
        clock.advance(window.plusSeconds(1));
      }
      IdNumber guess = guesses.next();
      IdNumber issued = unsold.get(i % unsold.size());
      long a;
      long b;
      if (random.nextBoolean()) {
        a = probe(phone, guess, one, "u" + i);
        b = probe(phone, issued, one, "s" + i);
      } else {
        b = probe(phone, issued, one, "s" + i);
        a = probe(phone, guess, one, "u" + i);
      }
      if (i >= warmUp) {
        unknownNanos[i - warmUp] = a;
        unsoldNanos[i - warmUp] = b;
      }
    }
    return new Separation(
        auc(unsoldNanos, unknownNanos), median(unknownNanos), median(unsoldNanos));
  }

  private static long probe(SettlementAuthenticator phone, IdNumber id, Money one, String ref) {
    AuthorizationRequest request = new AuthorizationRequest(id, one, "kiosk", ref);
    long start = System.nanoTime();
    AuthorizationResult result = phone.authorize(request);
    long took = System.nanoTime() - start;
    if (!(result instanceof Denial)) {
      throw new AssertionError("a probe was not denied: " + result);
    }
    return took;
  }

  /** P(x > y) + P(x = y) / 2 over all pairs, by ranks. */
  static double auc(long[] x, long[] y) {
    long[] a = x.clone();
    long[] b = y.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double wins = 0;
    int lo = 0;
    int hi = 0;
    for (long v : a) {
      while (lo < b.length && b[lo] < v) {
        lo++;
      }
      hi = Math.max(hi, lo);
      while (hi < b.length && b[hi] == v) {
        hi++;
      }
      wins += lo + (hi - lo) / 2.0;
    }
    return wins / ((double) a.length * b.length);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
