package dev.idsettle.bench;

import dev.idsettle.metering.Exact;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rounding;
import dev.idsettle.metering.tariff.Quote;
import dev.idsettle.metering.tariff.Tariff;
import dev.idsettle.metering.tariff.TariffEntry;
import dev.idsettle.metering.tariff.Validity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Tariff.price} on a table of 100 000 prefixes (2 to 9 digits, 30/6 rates): the longest
 * prefix of a random 11-digit number, then the itemized price of a 95 s call; and the prefix
 * look-up alone ({@code rate}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class TariffBenchmark {
  static final int PREFIXES = 100_000;
  private static final Instant NOON = Instant.parse("2026-03-10T11:00:00Z");
  private static final Duration CALL = Duration.ofSeconds(95);

  private Tariff tariff;
  private String[] numbers;
  private int next;

  /** Builds the table and 65 536 numbers that start with one of its prefixes. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    List<TariffEntry> entries = new ArrayList<>(PREFIXES);
    List<String> prefixes = new ArrayList<>(PREFIXES);
    while (entries.size() < PREFIXES) {
      String p = Long.toString(random.nextLong(10, 1_000_000_000L));
      p = p.substring(0, Math.min(p.length(), 2 + random.nextInt(8)));
      Exact perMinute = new Exact(random.nextLong(1, 5_000), 100);
      Rate rate =
          new Rate(
              p,
              Exact.of(5),
              Exact.ZERO,
              List.of(
                  Interval.perUnit(0, 30, perMinute, 60), Interval.perUnit(30, 6, perMinute, 60)));
      entries.add(new TariffEntry(p, rate, Validity.ALWAYS));
      prefixes.add(p);
    }
    tariff = Tariff.of(Fixture.EUR, ZoneId.of("Europe/Paris"), Rounding.UP, entries);
    numbers = new String[1 << 16];
    for (int i = 0; i < numbers.length; i++) {
      String p = prefixes.get(random.nextInt(prefixes.size()));
      StringBuilder b = new StringBuilder(p);
      while (b.length() < 11) {
        b.append((char) ('0' + random.nextInt(10)));
      }
      numbers[i] = b.toString();
    }
  }

  /** The itemized price of a 95 s call to a random number. */
  @Benchmark
  @Threads(1)
  public Quote tariffPrice() {
    return tariff.price(numbers[next++ & (numbers.length - 1)], NOON, CALL);
  }

  /** The longest-prefix look-up and the call's rating, without pricing a duration. */
  @Benchmark
  @Threads(1)
  public Quote tariffLookUp() {
    return tariff.rate(numbers[next++ & (numbers.length - 1)], NOON);
  }
}
