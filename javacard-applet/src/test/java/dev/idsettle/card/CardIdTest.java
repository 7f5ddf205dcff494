package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CardIdTest {

  @Test
  void parsesPrintedFormsLeniently() {
    assertThat(CardId.parse("4242-1234 5678 9012").digits()).isEqualTo("4242123456789012");
  }

  @Test
  void packsDigitsAsBcdPaddedWithF() {
    assertThat(HexFormat.of().formatHex(CardId.parse("123").toBcd()))
        .isEqualTo("123fffffffffffffffff");
    assertThat(CardId.fromBcd(CardId.parse("123").toBcd())).isEqualTo(CardId.parse("123"));
    CardId twenty = CardId.parse("12345678901234567890");
    assertThat(CardId.fromBcd(twenty.toBcd())).isEqualTo(twenty);
  }

  @Test
  void rejectsWhatIsNotOneToTwentyDigits() {
    assertThatThrownBy(() -> CardId.parse("12a4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 20 decimal digits");
    assertThatThrownBy(() -> CardId.parse(" - ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CardId.parse("123456789012345678901"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CardId.fromBcd(new byte[9])).hasMessageContaining("expected 10 bytes");
  }
}
