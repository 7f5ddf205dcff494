package dev.idsettle.metering.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.metering.Charge;
import dev.idsettle.metering.ChargeItem;
import dev.idsettle.metering.Exact;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rounding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rate table: longest prefix, validity by time and date, the file and its errors. */
class TariffTest {
  static final Instant NOON = Instant.parse("2026-03-10T11:00:00Z"); // 12:00 in Paris
  static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-03-10T22:59:00Z"); // 23:59 in Paris

  static Tariff sample() {
    try {
      return Tariff.load(Path.of(TariffTest.class.getResource("/tariffs/calls.json").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Charge price(Tariff t, String destination, Instant start, long seconds) {
    return ((Quote.Rated) t.price(destination, start, Duration.ofSeconds(seconds))).price();
  }

  @Test
  void longestPrefixWins() {
    Tariff t = sample();
    assertThat(((Quote.Rated) t.rate("+33 1".replace(" ", ""), NOON)).prefix()).isEqualTo("33");
    assertThat(((Quote.Rated) t.rate("33612345678", NOON)).prefix()).isEqualTo("336");
    assertThat(price(t, "33612345678", NOON, 61).amount()).isEqualTo(60);
    assertThat(price(t, "33145678901", NOON, 61).amount()).isEqualTo(29);
    assertThat(t.rate("4420", NOON))
        .isEqualTo(
            new Quote.NotPriced(Quote.Reason.UNKNOWN_DESTINATION, "no rate for destination **20"));
    assertThat(t.rate("33-1", NOON))
        .extracting(q -> ((Quote.NotPriced) q).reason())
        .isEqualTo(Quote.Reason.MALFORMED_DESTINATION);
  }

  @Test
  void minimumChargeFromTheFile() {
    Charge c = price(sample(), "336", NOON, 5);
    assertThat(c.amount()).isEqualTo(30);
    assertThat(price(sample(), "3361", NOON, 0).amount()).isZero();
  }

  @Test
  void rateChangesAtMidnightFromTheFirstIncrementAfterIt() {
    Tariff t = sample();
    // 23:59:00 + 90 s: 30 s + 5 x 6 s by day (15.5 + 10.5 = 26), the increments from 00:00:00
    // (offset 60) by night: 5 x 6 s at 0.6 = 3 -> 29
    Charge c = price(t, "3312", BEFORE_MIDNIGHT, 90);
    assertThat(c.items())
        .extracting(ChargeItem::rate, ChargeItem::from, ChargeItem::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("France day", 0L, 1L),
            org.assertj.core.groups.Tuple.tuple("France day", 0L, 1L),
            org.assertj.core.groups.Tuple.tuple("France day", 30L, 5L),
            org.assertj.core.groups.Tuple.tuple("France night", 60L, 5L));
    assertThat(c.amount()).isEqualTo(29);
    assertThat(c.items().stream().mapToLong(ChargeItem::amount).sum()).isEqualTo(29);
  }

  @Test
  void dateValidity() {
    Tariff t = sample();
    assertThat(price(t, "1212", NOON, 10).amount()).isEqualTo(4); // 3.5 -> 4
    assertThat(t.rate("1212", Instant.parse("2027-01-01T12:00:00Z")))
        .extracting(q -> ((Quote.NotPriced) q).reason())
        .isEqualTo(Quote.Reason.NO_RATE_AT_THAT_TIME);
  }

  @Test
  void priceAnswersAtTheTariffsClock() {
    Tariff t = sample().withClock(java.time.Clock.fixed(NOON, ZoneId.of("UTC")));
    assertThat(((Quote.Rated) t.price("3312", Duration.ofSeconds(31))).price().amount())
        .isEqualTo(18);
  }

  @Test
  @SuppressWarnings("StringConcatToTextBlock") // each \n places a field on a known line
  void errorsNameFileLineAndField(@TempDir Path dir) throws IOException {
    assertError(
        dir,
        "{\n  \"currency\": \"EUR\",\n  \"rates\": [\n    { \"prefix\": \"3a\" } ] }",
        4,
        "rates[0].prefix",
        "must be 1 to 32 digits");
    assertError(
        dir,
        "{ \"currency\": \"EUR\", \"rates\": [\n { \"prefix\": \"1\",\n \"intervals\": [\n"
            + " { \"from\": 0, \"increment\": 30, \"rate\": \"1\" },\n"
            + " { \"from\": 45, \"increment\": 6, \"rate\": \"1\" } ] } ] }",
        2,
        "rates[0]",
        "intervals[1].from 45 splits an increment of 30");
    assertError(
        dir,
        "{ \"currency\": \"EUR\", \"rates\": [ { \"prefix\": \"1\", \"intervals\": [\n"
            + " { \"from\": 0,\n \"increment\": -6, \"rate\": \"1\" } ] } ] }",
        3,
        "rates[0].intervals[0].increment",
        "must be positive");
    assertError(dir, "{ \"currency\": \"EUR\",\n \"rate\": [] }", 2, "rate", "unknown field");
    assertError(dir, "{ \"currency\": \"XXY\", \"rates\": [] }", 1, "currency", "");
    assertError(
        dir,
        "{ \"currency\": \"EUR\", \"rates\": [ { \"prefix\": \"1\",\n \"connectionFee\": \"0,5\","
            + " \"intervals\": [] } ] }",
        2,
        "rates[0].connectionFee",
        "\"0,5\"");
    assertError(dir, "{ \"currency\": \"EUR\",\n\n \"rates\": [ { ] }", 3, "(syntax)", "");
  }

  private static void assertError(Path dir, String json, int line, String field, String problem)
      throws IOException {
    Path file = dir.resolve("tariff.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Tariff.load(file))
        .isInstanceOfSatisfying(
            TariffFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.line()).isEqualTo(line);
            })
        .hasMessageContaining(file + " line " + line + ", " + field + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  void aHundredThousandPrefixesAnswerTheLongestMatch() {
    Random random = new Random(42);
    List<TariffEntry> entries = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String p = Long.toString(1 + (random.nextLong() & Long.MAX_VALUE) % 999_999_999L);
      p = p.substring(0, 2 + random.nextInt(p.length() - 1));
      prefixes.add(p);
      entries.add(
          new TariffEntry(
              p,
              new Rate(p, Exact.ZERO, Exact.ZERO, List.of(new Interval(0, 60, Exact.of(1)))),
              Validity.ALWAYS));
    }
    Tariff t = Tariff.of(Currency.getInstance("EUR"), ZoneId.of("UTC"), Rounding.UP, entries);
    for (int i = 0; i < 300; i++) {
      String number = prefixes.get(random.nextInt(prefixes.size())) + random.nextInt(10_000);
      String expected = "";
      for (String p : prefixes) {
        if (number.startsWith(p) && p.length() > expected.length()) {
          expected = p;
        }
      }
      assertThat(((Quote.Rated) t.rate(number, NOON)).prefix()).isEqualTo(expected);
    }
  }
}
