package dev.idsettle.card;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's side of the card protocol over its {@link IssuerKeys}: derives each card's two
 * AES-128 keys, authorises CREDIT and BLOCK, verifies the receipts and statements cards return, and
 * names cards in the ledger by a keyed hash. Thread-safe if the keys are.
 *
 * <p>Derivation (NIST SP 800-108 KDF in counter mode, AES-CMAC as the PRF, one 128-bit block), with
 * the master key of the card's key version:
 *
 * <pre>
 *   key = AES-CMAC(master, 0x01 || label || 0x00 || cardIdBcd || 0x0080)
 * </pre>
 *
 * with {@code label} the ASCII bytes of {@value #COMMAND_LABEL} (the key the card checks issuer
 * MACs with) or {@value #RECEIPT_LABEL} (the key it MACs receipts and statements with), and {@code
 * cardIdBcd} the ten BCD bytes of the ID, 0xF-padded. Derived keys are overwritten after each use.
 */
public final class CardIssuer {

  /** Label of the key for issuer authorisations (CREDIT, BLOCK). */
  public static final String COMMAND_LABEL = "idsettle card command key";

  /** Label of the key for card receipts and statements. */
  public static final String RECEIPT_LABEL = "idsettle card receipt key";

  private static final byte[] LEDGER_CONTEXT =
      "idsettle card ledger\0".getBytes(StandardCharsets.US_ASCII);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IssuerKeys keys;

  private CardIssuer(IssuerKeys keys) {
    this.keys = keys;
  }

  /** The protocol over {@code keys}. */
  public static CardIssuer over(IssuerKeys keys) {
    return new CardIssuer(Objects.requireNonNull(keys, "keys"));
  }

  /** Returns the keys. */
  public IssuerKeys keys() {
    return keys;
  }

  /**
   * Builds the one-time personalisation for a card, with the keys of the current version.
   *
   * @param cardId the ID the card will carry
   * @param currency the currency of its balance (its ISO 4217 numeric code goes on the card)
   * @param pin 4 to 8 digits that every debit will need, or null for a card without PIN
   * @throws UnknownKeyVersionException for a card with PIN, if the keys hold no PIN master of the
   *     current version (the card's PIN key is derived from it, see {@link PinPad})
   */
  public Personalisation personalisation(CardId cardId, Currency currency, @Nullable String pin) {
    int version = keys.currentVersion();
    byte[] pinKey;
    if (pin == null) {
      // a card without PIN refuses VERIFY and CHANGE PIN: its PIN key is random and never used
      pinKey = new byte[AesCmac.LENGTH];
      RANDOM.nextBytes(pinKey);
    } else {
      pinKey = PinPad.pinKey(keys, version, cardId);
    }
    return new Personalisation(
        cardId,
        currency,
        version,
        derive(version, COMMAND_LABEL, cardId),
        derive(version, RECEIPT_LABEL, cardId),
        pinKey,
        pin == null ? null : Pin.of(pin));
  }

  /** Returns the issuer's MAC that lets the card apply one credit of {@code amount}. */
  public Mac authorizeCredit(CardId cardId, Challenge challenge, long amount) {
    Bytes.requireAmount("amount", amount);
    byte[] input = authorisationInput(0x52, cardId, challenge, 4);
    Bytes.putU32(input, input.length - 4, amount);
    return Mac.of(mac(challenge.keyVersion(), COMMAND_LABEL, cardId, input));
  }

  /** Returns the issuer's MAC that makes the card block itself for good. */
  public Mac authorizeBlock(CardId cardId, Challenge challenge) {
    return Mac.of(
        mac(
            challenge.keyVersion(),
            COMMAND_LABEL,
            cardId,
            authorisationInput(0x56, cardId, challenge, 0)));
  }

  /**
   * Checks that the card of {@code receipt.cardId()} made it.
   *
   * @throws ReceiptRejectedException if the MAC does not match: the receipt is forged or altered
   * @throws UnknownKeyVersionException if the issuer no longer holds the card's key version
   */
  public VerifiedReceipt verify(CardReceipt receipt) {
    byte[] expected =
        mac(receipt.keyVersion(), RECEIPT_LABEL, receipt.cardId(), receipt.macInput());
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

  /**
   * Checks that the card of {@code statement.cardId()} made the statement in answer to {@code
   * nonce}, and that its last receipt verifies too.
   *
   * @throws ReceiptRejectedException if it echoes another nonce (a replayed statement), or a MAC
   *     does not match (altered on the way)
   */
  public VerifiedStatement verify(CardStatement statement, long nonce) {
    if (statement.nonce() != nonce) {
      throw new ReceiptRejectedException(
          "statement of card "
              + statement.cardId()
              + " answers another nonce: replayed; trust nothing in it");
    }
    byte[] expected =
        mac(statement.keyVersion(), RECEIPT_LABEL, statement.cardId(), statement.macInput());
    if (!statement.mac().matches(expected)) {
      throw new ReceiptRejectedException(
          "statement of card "
              + statement.cardId()
              + " has a wrong MAC: altered between card and host; trust nothing in it");
    }
    statement
        .lastReceipt()
        .ifPresent(
            r -> {
              if (!r.cardId().equals(statement.cardId())) {
                throw new ReceiptRejectedException(
                    "statement of card " + statement.cardId() + " holds another card's receipt");
              }
              verify(r);
            });
    return new VerifiedStatement(statement);
  }

  /**
   * Returns the keyed hash that names {@code cardId} in the ledger: HMAC-SHA256 under the ledger
   * key of a label and the digits, in hex. A database without the key cannot tell which card an
   * account belongs to, nor find a card's account from its ID.
   */
  public String ledgerHandle(CardId cardId) {
    byte[] digits = cardId.digits().getBytes(StandardCharsets.US_ASCII);
    byte[] input = Arrays.copyOf(LEDGER_CONTEXT, LEDGER_CONTEXT.length + digits.length);
    System.arraycopy(digits, 0, input, LEDGER_CONTEXT.length, digits.length);
    return HexFormat.of().formatHex(keys.ledgerHmac(input));
  }

  byte[] commandKey(CardId cardId) {
    return derive(keys.currentVersion(), COMMAND_LABEL, cardId);
  }

  byte[] receiptKey(CardId cardId) {
    return derive(keys.currentVersion(), RECEIPT_LABEL, cardId);
  }

  private byte[] mac(int version, String label, CardId cardId, byte[] input) {
    byte[] key = derive(version, label, cardId);
    try {
      return AesCmac.mac(key, input);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private byte[] derive(int version, String label, CardId cardId) {
    return Kdf.derive(
        message -> keys.masterCmac(version, message),
        label.getBytes(StandardCharsets.US_ASCII),
        cardId.toBcd(),
        AesCmac.LENGTH);
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
