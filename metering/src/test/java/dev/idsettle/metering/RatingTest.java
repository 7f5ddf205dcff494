package dev.idsettle.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 30/6 and per-60 s examples worked by hand, and the one rounding point. */
class RatingTest {
  static final Currency EUR = Currency.getInstance("EUR");

  /** 21 cents a minute (0.35 cents a second), first 30 s then per 6 s, 5 cents to connect. */
  static Rate thirtySix(String fee, String minimum) {
    Exact perMinute = Exact.of(21);
    return new Rate(
        "30/6",
        Exact.parse(fee),
        Exact.parse(minimum),
        List.of(Interval.perUnit(0, 30, perMinute, 60), Interval.perUnit(30, 6, perMinute, 60)));
  }

  static long sum(Charge c) {
    return c.items().stream().mapToLong(ChargeItem::amount).sum();
  }

  @Test
  void thirtySixWorkedByHand() {
    Rating r = Rating.of(thirtySix("5", "0"), Rounding.UP, EUR);
    // the first block: 5 + 10.5 = 15.5, rounded up once: 16, whether 1 s or 30 s was used
    assertThat(r.charge(0)).isZero();
    assertThat(r.charge(1)).isEqualTo(16);
    assertThat(r.charge(30)).isEqualTo(16);
    // 31 s: 15.5 + 2.1 = 17.6 -> 18
    assertThat(r.charge(31)).isEqualTo(18);
    assertThat(r.charge(36)).isEqualTo(18);
    // 60 s: 15.5 + 5 x 2.1 = 26 exactly
    assertThat(r.charge(60)).isEqualTo(26);
    // 61 s: 28.1 -> 29 (rounding each 2.1 up alone would give 5 + 11 + 6 x 3 = 34)
    assertThat(r.charge(61)).isEqualTo(29);
    // 10 minutes: 15.5 + 95 x 2.1 = 215
    assertThat(r.charge(600)).isEqualTo(215);
  }

  @Test
  void itemsAreDifferencesOfRoundedTotalsAndAddUp() {
    Charge c = Rating.of(thirtySix("5", "0"), Rounding.UP, EUR).itemize(61);
    assertThat(c.items())
        .extracting(ChargeItem::kind, ChargeItem::from, ChargeItem::count, ChargeItem::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ChargeItem.Kind.CONNECTION, 0L, 1L, 5L),
            org.assertj.core.groups.Tuple.tuple(ChargeItem.Kind.INCREMENTS, 0L, 1L, 11L),
            org.assertj.core.groups.Tuple.tuple(ChargeItem.Kind.INCREMENTS, 30L, 6L, 13L));
    assertThat(c.amount()).isEqualTo(29).isEqualTo(sum(c));
    assertThat(c.billedUnits()).isEqualTo(66);
    assertThat(c.items().get(2).unitPrice()).isEqualTo(new Exact(21, 10));
    assertThat(c.explain()).contains("units 30 to 66: 6 x 6 at 21/10 (30/6) -> 13");
  }

  @Test
  void roundingIsDeclared() {
    Rate rate = thirtySix("5", "0");
    assertThat(Rating.of(rate, Rounding.DOWN, EUR).charge(61)).isEqualTo(28);
    assertThat(Rating.of(rate, Rounding.HALF_UP, EUR).charge(61)).isEqualTo(28);
    assertThat(Rating.of(rate, Rounding.HALF_UP, EUR).charge(1)).isEqualTo(16); // 15.5
    assertThat(Rating.of(rate, Rounding.DOWN, EUR).charge(1)).isEqualTo(15);
  }

  @Test
  void minimumChargeIsItsOwnLine() {
    Charge c = Rating.of(thirtySix("0", "20"), Rounding.UP, EUR).itemize(1);
    assertThat(c.amount()).isEqualTo(20).isEqualTo(sum(c));
    assertThat(c.items().get(c.items().size() - 1))
        .extracting(ChargeItem::kind, ChargeItem::amount)
        .containsExactly(ChargeItem.Kind.MINIMUM, 9L);
    // above the minimum it adds nothing
    assertThat(Rating.of(thirtySix("0", "20"), Rounding.UP, EUR).itemize(60).items())
        .noneMatch(i -> i.kind() == ChargeItem.Kind.MINIMUM);
  }

  @Test
  void perMinute() {
    Rate rate =
        new Rate(
            "per minute",
            Exact.ZERO,
            Exact.ZERO,
            List.of(Interval.perUnit(0, 60, Exact.of(21), 60)));
    Rating r = Rating.of(rate, Rounding.UP, EUR);
    assertThat(r.charge(1)).isEqualTo(21);
    assertThat(r.charge(60)).isEqualTo(21);
    assertThat(r.charge(61)).isEqualTo(42);
    assertThat(r.nextBoundary(0)).isEqualTo(60);
    assertThat(r.nextBoundary(60)).isEqualTo(120);
  }

  @Test
  void ratesFinerThanTheMinorUnitStayExact() {
    // 7 s increments at 1 cent a minute: 7/60 of a cent each, 60 of them make exactly 7 cents
    Rate rate =
        new Rate("fine", Exact.ZERO, Exact.ZERO, List.of(Interval.perUnit(0, 7, Exact.of(1), 60)));
    Rating r = Rating.of(rate, Rounding.DOWN, EUR);
    assertThat(r.charge(7 * 60)).isEqualTo(7);
    assertThat(r.charge(7 * 59)).isEqualTo(6);
    assertThat(Exact.parse("0.35").times(6, 1)).isEqualTo(new Exact(21, 10));
  }

  @Test
  void grantEndIsTheFurthestAffordableBoundaryWithinTheSlice() {
    Rating r = Rating.of(thirtySix("5", "0"), Rounding.UP, EUR);
    // from 0 with 60 s and plenty: 60 (charge 26)
    assertThat(r.grantEnd(0, 60, 1000)).isEqualTo(60);
    // a budget of 19 pays the first block (16) and one increment (17.6 -> 18), not two (19.7 -> 20)
    assertThat(r.grantEnd(0, 60, 19)).isEqualTo(36);
    assertThat(r.grantEnd(0, 60, 20)).isEqualTo(42);
    // not even the first block
    assertThat(r.grantEnd(0, 60, 15)).isEqualTo(Rating.NO_BOUNDARY);
    // from 40 s (billed to 42): the increment in progress is paid, the next boundary is 42
    assertThat(r.grantEnd(40, 20, 1000)).isEqualTo(60);
    assertThat(r.charge(42) - r.charge(40)).isZero();
  }

  @Test
  void malformedRatesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Exact.parse("1,5"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("\"1,5\"");
    assertThatThrownBy(
            () ->
                new Rate(
                    "bad",
                    Exact.ZERO,
                    Exact.ZERO,
                    List.of(
                        Interval.perUnit(0, 30, Exact.of(1), 60),
                        Interval.perUnit(45, 6, Exact.of(1), 60))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("intervals[1].from 45 splits an increment of 30");
  }
}
