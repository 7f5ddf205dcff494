package dev.idsettle.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MoneyTest {
  @Test
  void addsAndSubtractsExactly() {
    assertThat(Money.of(1050, "EUR").plus(Money.of(5, "EUR"))).isEqualTo(Money.of(1055, "EUR"));
    assertThat(Money.of(5, "EUR").minus(Money.of(10, "EUR"))).isEqualTo(Money.of(-5, "EUR"));
  }

  @Test
  void overflowIsAnErrorNeverAWrap() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
        .isInstanceOf(MoneyException.class)
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "EUR").minus(Money.of(1, "EUR")))
        .isInstanceOf(MoneyException.class);
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
        .isInstanceOf(MoneyException.class)
        .hasMessage("currency mismatch: EUR and USD");
  }

  @Test
  void printsInMajorUnits() {
    assertThat(Money.of(1234, "EUR")).hasToString("EUR 12.34");
    assertThat(Money.of(-5, "EUR")).hasToString("EUR -0.05");
    assertThat(Money.of(500, "JPY")).hasToString("JPY 500");
    assertThat(Money.of(1, "BHD")).hasToString("BHD 0.001");
  }

  @Test
  void plusAgreesWithExactArithmetic() {
    Gen<Long> edges = Generate.pick(List.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE));
    Gen<Long> amounts = longs().all().mix(edges, 20);
    qt().forAll(amounts, amounts).checkAssert(MoneyTest::plusAgreesWithExactArithmetic);
  }

  private static void plusAgreesWithExactArithmetic(long a, long b) {
    java.math.BigInteger exact =
        java.math.BigInteger.valueOf(a).add(java.math.BigInteger.valueOf(b));
    if (exact.bitLength() < 64) {
      assertThat(Money.of(a, "EUR").plus(Money.of(b, "EUR")).minor())
          .isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.of(a, "EUR").plus(Money.of(b, "EUR")))
          .isInstanceOf(MoneyException.class);
    }
  }
}
