package dev.idsettle.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** What could be an ID number in text from outside the ledger keeps only its last four digits. */
class MaskingTest {
  @Test
  void runsOfEightDigitsOrMoreAreMaskedGroupedOrNot() {
    assertThat(Masking.text("o-1")).isEqualTo("o-1");
    assertThat(Masking.text("ref 1234567")).isEqualTo("ref 1234567");
    assertThat(Masking.text("ref 12345678")).isEqualTo("ref ****5678");
    assertThat(Masking.text("id 4000 1234 5678 9010 and 1111-2222-3333"))
        .isEqualTo("id ************9010 and ********3333");
  }

  @Test
  @SuppressWarnings("NullAway") // null on purpose: the refusal is what is tested
  void aDifferenceNeedsEveryField() {
    assertThatThrownBy(() -> new Difference(DifferenceKind.BALANCE_MISMATCH, "s", "e", "f", null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("message");
  }
}
