package dev.idsettle.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.idsettle.id.MalformedIdException.Problem;
import org.junit.jupiter.api.Test;

class IdNumberTest {
  private static final IdNumberGenerator GENERATOR =
      IdNumberGenerator.secure(IdNumberFormat.DEFAULT);

  @Test
  void formatsInGroupsOfFourAndMasksAllButTheLastFour() {
    IdNumber id = GENERATOR.next();
    String d = id.digits();
    assertThat(id.formatted())
        .isEqualTo(
            d.substring(0, 4)
                + " "
                + d.substring(4, 8)
                + " "
                + d.substring(8, 12)
                + " "
                + d.substring(12));
    assertThat(id.toString()).isEqualTo("**** **** **** " + d.substring(12));
    assertThat(id.toString()).doesNotContain(d.substring(0, 12));
    assertThat(id.masked()).isEqualTo(id.toString());
  }

  @Test
  void parsesLenientlyWithSpacesAndDashes() {
    IdNumber id = GENERATOR.next();
    String d = id.digits();
    assertThat(IdNumber.parse(id.formatted())).isEqualTo(id);
    assertThat(IdNumber.parse(d.substring(0, 4) + "-" + d.substring(4, 8) + " - " + d.substring(8)))
        .isEqualTo(id);
    assertThat(IdNumber.parse("  " + d + " ")).isEqualTo(id);
  }

  @Test
  void namesTheOffendingCharacterAndItsPosition() {
    String d = GENERATOR.next().digits();
    String bad = d.substring(0, 6) + "x" + d.substring(7);
    assertThatThrownBy(() -> IdNumber.parse(bad))
        .isInstanceOfSatisfying(
            MalformedIdException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.INVALID_CHARACTER);
              assertThat(e.position()).isEqualTo(7);
            })
        .hasMessageContaining("'x'")
        .hasMessageContaining("position 7");
    assertThatThrownBy(() -> IdNumber.parse(d.substring(0, 3) + "\t" + d.substring(3)))
        .hasMessageContaining("U+0009")
        .hasMessageContaining("position 4");
  }

  @Test
  void saysWhenTheLengthIsWrong() {
    String d = GENERATOR.next().digits();
    assertThatThrownBy(() -> IdNumber.parse(d.substring(1)))
        .isInstanceOfSatisfying(
            MalformedIdException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_LENGTH))
        .hasMessage("ID number has 15 digits, expected 16");
    assertThatThrownBy(() -> IdNumber.parse(d + "1"))
        .hasMessage("ID number has 17 digits, expected 16");
  }

  @Test
  void saysWhenEmpty() {
    assertThatThrownBy(() -> IdNumber.parse(" - "))
        .isInstanceOfSatisfying(
            MalformedIdException.class, e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY))
        .hasMessage("ID number is empty");
    assertThatThrownBy(() -> IdNumber.parse("")).hasMessage("ID number is empty");
  }

  @Test
  @SuppressWarnings("NullAway") // a caller outside NullAway's reach passes null
  void saysWhenMissing() {
    assertThatThrownBy(() -> IdNumber.parse(null))
        .isInstanceOfSatisfying(
            MalformedIdException.class, e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY))
        .hasMessage("ID number is missing (null)");
    assertThatThrownBy(() -> IdNumberFormat.DEFAULT.parse(null))
        .isInstanceOf(MalformedIdException.class);
  }

  @Test
  void saysWhenTheCheckDigitFailsWithoutRevealingTheNumber() {
    String d = GENERATOR.next().digits();
    char wrong = d.charAt(15) == '9' ? '0' : (char) (d.charAt(15) + 1);
    String bad = d.substring(0, 15) + wrong;
    assertThatThrownBy(() -> IdNumber.parse(bad))
        .isInstanceOfSatisfying(
            MalformedIdException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.CHECK_DIGIT_MISMATCH))
        .hasMessageContaining("check digit")
        .hasMessageNotContaining(bad.substring(0, 12));
  }

  @Test
  void rejectsUnreasonableLengths() {
    assertThatThrownBy(() -> new IdNumberFormat(7)).hasMessageContaining("between 8 and 32");
    assertThatThrownBy(() -> new IdNumberFormat(33)).hasMessageContaining("between 8 and 32");
  }

  @Test
  void anyTextEitherParsesToAValidNumberOrFailsWithAProblem() {
    qt().forAll(strings().betweenCodePoints(' ', 'z').ofLengthBetween(0, 24))
        .checkAssert(
            text -> {
              try {
                IdNumber id = IdNumber.parse(text);
                assertThat(DammCheckDigit.isValid(id.digits())).isTrue();
                assertThat(id.length()).isEqualTo(16);
              } catch (MalformedIdException e) {
                assertThat(e.problem()).isNotNull();
                assertThat(e.getMessage()).isNotBlank();
              }
            });
  }

  @Test
  void formattedFormRoundTrips() {
    qt().forAll(strings().betweenCodePoints('0', '9').ofLength(15))
        .checkAssert(
            body -> {
              IdNumber id = IdNumber.parse(body + DammCheckDigit.compute(body));
              assertThat(IdNumber.parse(id.formatted())).isEqualTo(id);
              assertThat(id.toString()).endsWith(id.digits().substring(12));
            });
  }
}
