package dev.idsettle.id;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * ID numbers come from people and terminals: any text either parses to a valid number, whose
 * formatted form parses back to it and whose {@code toString} is masked, or fails with a {@link
 * MalformedIdException} that names the problem without repeating the number. {@code mvn verify}
 * replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}).
 */
class IdNumberFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyTextIsAValidNumberOrAMalformedIdException(FuzzedDataProvider data) {
    boolean useDefault = data.consumeBoolean();
    IdNumberFormat format =
        useDefault
            ? IdNumberFormat.DEFAULT
            : new IdNumberFormat(
                data.consumeInt(IdNumberFormat.MIN_LENGTH, IdNumberFormat.MAX_LENGTH));
    String text = data.consumeRemainingAsString();
    IdNumber id;
    try {
      id = useDefault ? IdNumber.parse(text) : format.parse(text);
    } catch (MalformedIdException e) {
      assertThat(e.problem()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      String digits = text.replaceAll("[^0-9]", "");
      if (digits.length() >= 8) {
        assertThat(e.getMessage()).doesNotContain(digits);
      }
      return;
    }
    assertThat(id.length()).isEqualTo(format.length());
    assertThat(DammCheckDigit.isValid(id.digits())).isTrue();
    assertThat(format.parse(id.formatted())).isEqualTo(id);
    assertThat(format.parse(id.digits())).isEqualTo(id);
    // toString is the masked form: no more than the last four digits, whatever they repeat
    assertThat(id.toString()).isEqualTo(id.masked());
    // grouped in fours from the left: the last four digits may straddle a space
    String maskedDigits = id.masked().replace(" ", "");
    assertThat(maskedDigits).endsWith(id.digits().substring(id.length() - 4));
    assertThat(maskedDigits.replace("*", "")).hasSize(4);
  }
}
