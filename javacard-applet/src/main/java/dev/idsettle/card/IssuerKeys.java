package dev.idsettle.card;

import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's key service. It holds the master key, derives each card's two AES-128 keys from it
 * and the card's ID, authorises CREDIT and BLOCK, and verifies the receipts cards return.
 *
 * <p>Derivation (NIST SP 800-108 KDF in counter mode, AES-CMAC as the PRF, one 128-bit block):
 *
 * <pre>
 *   key = AES-CMAC(master, 0x01 || label || 0x00 || cardIdBcd || 0x0080)
 * </pre>
 *
 * with {@code label} the ASCII bytes of {@value #COMMAND_LABEL} (the key the card checks issuer
 * MACs with) or {@value #RECEIPT_LABEL} (the key it MACs receipts with), and {@code cardIdBcd} the
 * ten BCD bytes of the ID, 0xF-padded. Keep the master key in an HSM in production; this class
 * holds it in memory.
 */
public final class IssuerKeys {

  /** Label of the key for issuer authorisations (CREDIT, BLOCK). */
  public static final String COMMAND_LABEL = "idsettle card command key";

  /** Label of the key for card receipts. */
  public static final String RECEIPT_LABEL = "idsettle card receipt key";

  private final byte[] masterKey;

  private IssuerKeys(byte[] masterKey) {
    this.masterKey = masterKey;
  }

  /**
   * Creates the service over a copy of the master key.
   *
   * @param masterKey an AES key of 16, 24 or 32 bytes
   * @throws IllegalArgumentException if the key has another length
   */
  public static IssuerKeys fromMasterKey(byte[] masterKey) {
    if (masterKey.length != 16 && masterKey.length != 24 && masterKey.length != 32) {
      throw new IllegalArgumentException(
          "masterKey: an AES key has 16, 24 or 32 bytes, got " + masterKey.length);
    }
    return new IssuerKeys(masterKey.clone());
  }

  /**
   * Builds the one-time personalisation for a card.
   *
   * @param cardId the ID the card will carry
   * @param currency the currency of its balance (its ISO 4217 numeric code goes on the card)
   * @param pin 4 to 8 digits that every debit will need, or null for a card without PIN
   */
  public Personalisation personalisation(CardId cardId, Currency currency, @Nullable String pin) {
    return new Personalisation(
        cardId, currency, commandKey(cardId), receiptKey(cardId), pin == null ? null : Pin.of(pin));
  }

  /** Returns the issuer's MAC that lets the card apply one credit of {@code amount}. */
  public Mac authorizeCredit(CardId cardId, Challenge challenge, long amount) {
    Bytes.requireAmount("amount", amount);
    byte[] input = authorisationInput(0x52, cardId, challenge, 4);
    Bytes.putU32(input, input.length - 4, amount);
    return Mac.of(AesCmac.mac(commandKey(cardId), input));
  }

  /** Returns the issuer's MAC that makes the card block itself for good. */
  public Mac authorizeBlock(CardId cardId, Challenge challenge) {
    return Mac.of(AesCmac.mac(commandKey(cardId), authorisationInput(0x56, cardId, challenge, 0)));
  }

  /**
   * Checks that the card of {@code receipt.cardId()} made it.
   *
   * @throws ReceiptRejectedException if the MAC does not match: the receipt is forged or altered
   */
  public VerifiedReceipt verify(CardReceipt receipt) {
    byte[] expected = AesCmac.mac(receiptKey(receipt.cardId()), receipt.macInput());
    if (!receipt.mac().matches(expected)) {
      throw new ReceiptRejectedException(
          "receipt of card "
              + receipt.cardId()
              + " counter "
              + receipt.counter()
              + " has a wrong MAC: it is forged or altered; do not settle it");
    }
    return new VerifiedReceipt(receipt);
  }

  byte[] commandKey(CardId cardId) {
    return derive(COMMAND_LABEL, cardId);
  }

  byte[] receiptKey(CardId cardId) {
    return derive(RECEIPT_LABEL, cardId);
  }

  private byte[] derive(String label, CardId cardId) {
    byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[1 + labelBytes.length + 1 + CardId.BCD_LENGTH + 2];
    input[0] = 0x01;
    System.arraycopy(labelBytes, 0, input, 1, labelBytes.length);
    System.arraycopy(cardId.toBcd(), 0, input, labelBytes.length + 2, CardId.BCD_LENGTH);
    input[input.length - 2] = 0x00;
    input[input.length - 1] = (byte) 0x80;
    return AesCmac.mac(masterKey, input);
  }

  private static byte[] authorisationInput(int ins, CardId cardId, Challenge challenge, int extra) {
    byte[] input = new byte[1 + CardId.BCD_LENGTH + 8 + 4 + extra];
    input[0] = (byte) ins;
    System.arraycopy(cardId.toBcd(), 0, input, 1, CardId.BCD_LENGTH);
    Bytes.putU64(input, 11, challenge.value());
    Bytes.putU32(input, 19, challenge.counter());
    return input;
  }
}
