package dev.idsettle.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;

/**
 * Currency codes and amounts from outside: any code and any pair of amounts give money whose
 * arithmetic is exact or a {@link MoneyException}, never another exception. {@code mvn verify}
 * replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}).
 */
class MoneyFuzzTest {

  @FuzzTest(maxDuration = "30s")
  @DictionaryEntries({"EUR", "JPY", "BHD", "USD", "XXX", "CLF"})
  void anyCodeAndAmountsAreMoneyOrAMoneyException(FuzzedDataProvider data) {
    long a = data.consumeLong();
    long b = data.consumeLong();
    String code = data.consumeRemainingAsString();
    Money m;
    try {
      m = Money.of(a, code);
    } catch (MoneyException e) {
      assertThat(e.getMessage()).startsWith("currencyCode must be an ISO 4217 code");
      return;
    }
    assertThat(m.currency().getCurrencyCode()).isEqualTo(code);
    assertThat(m.toString()).startsWith(code + " ");
    Money other = Money.of(b, code);
    BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    BigInteger difference = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
    try {
      assertThat(m.plus(other).minor()).isEqualTo(sum.longValueExact());
    } catch (MoneyException e) {
      assertThat(sum.bitLength()).isGreaterThanOrEqualTo(64);
    }
    try {
      assertThat(m.minus(other).minor()).isEqualTo(difference.longValueExact());
    } catch (MoneyException e) {
      assertThat(difference.bitLength()).isGreaterThanOrEqualTo(64);
    }
    assertThat(Integer.signum(m.compareTo(other))).isEqualTo(Long.signum(Long.compare(a, b)));
  }
}
