package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String COMMAND_KEY = "47e578c24683fd307c99da65eb3a7378";
  private static final String RECEIPT_KEY = "ae66717f1eeb6ba1dd043b463372fb8c";
  private final CardIssuer issuer =
      CardIssuer.over(IssuerKeys.fromMasterKey(CardFixture.MASTER_KEY));

  /**
   * Pins the derivation: cards already issued hold keys derived this way, so a change here would
   * orphan them. The expected keys were computed independently of this code, with OpenSSL 3 ({@code
   * openssl mac -cipher AES-128-CBC -macopt hexkey:<master> -in <kdf input> CMAC}) over the input
   * the README documents.
   */
  @Test
  void derivesTheDocumentedKeys() {
    CardId id = CardId.parse("4242123456789012");

    assertThat(HEX.formatHex(issuer.commandKey(id))).isEqualTo(COMMAND_KEY);
    assertThat(HEX.formatHex(issuer.receiptKey(id))).isEqualTo(RECEIPT_KEY);
  }

  @Test
  void keysDifferPerCardAndPerPurpose() {
    CardId one = CardId.parse("1000");
    CardId two = CardId.parse("1001");

    assertThat(issuer.commandKey(one)).isNotEqualTo(issuer.commandKey(two));
    assertThat(issuer.commandKey(one)).isNotEqualTo(issuer.receiptKey(one));
    assertThat(CardIssuer.over(IssuerKeys.fromMasterKey(new byte[16])).commandKey(one))
        .isNotEqualTo(issuer.commandKey(one));
  }

  @Test
  void rejectsAMasterKeyOfAnotherLength() {
    assertThatThrownBy(() -> IssuerKeys.fromMasterKey(new byte[20]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("masterKey:");
  }

  @Test
  void rejectsAnAmountTheCardCannotHold() {
    Challenge challenge = new Challenge(1, 0, 1);
    CardId id = CardId.parse("1");

    assertThatThrownBy(() -> issuer.authorizeCredit(id, challenge, 0))
        .hasMessageContaining("amount: expected 1 to 4294967295");
    assertThatThrownBy(() -> issuer.authorizeCredit(id, challenge, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
