package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesCmacTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] RFC_KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
  private static final String RFC_MESSAGE =
      "6bc1bee22e409f96e93d7e117393172a"
          + "ae2d8a571e03ac9c9eb76fac45af8e51"
          + "30c81c46a35ce411e5fbc1191a0a52ef"
          + "f69f2445df4f9b17ad2b417be66c3710";

  @ParameterizedTest(name = "RFC 4493 example with {0} bytes")
  @CsvSource({
    "0, bb1d6929e95937287fa37d129b756746",
    "16, 070a16b46b4d4144f79bdd9dd04a287c",
    "40, dfa66747de9ae63030ca32611497c827",
    "64, 51f0bebf7e3b9d92fc49741779363cfe"
  })
  void matchesTheRfc4493Examples(int length, String expected) {
    byte[] message = HEX.parseHex(RFC_MESSAGE.substring(0, 2 * length));

    assertThat(HEX.formatHex(AesCmac.mac(RFC_KEY, message))).isEqualTo(expected);
    assertThat(AesCmac.verify(RFC_KEY, message, HEX.parseHex(expected))).isTrue();
  }

  @Test
  void verifyRejectsAMacWithOneBitFlipped() {
    byte[] mac = HEX.parseHex("070a16b46b4d4144f79bdd9dd04a287c");
    mac[15] ^= 1;

    assertThat(AesCmac.verify(RFC_KEY, HEX.parseHex(RFC_MESSAGE.substring(0, 32)), mac)).isFalse();
  }

  @Test
  void rejectsAKeyOfAnotherLength() {
    assertThatThrownBy(() -> AesCmac.mac(new byte[15], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16, 24 or 32 bytes, got 15");
  }
}
