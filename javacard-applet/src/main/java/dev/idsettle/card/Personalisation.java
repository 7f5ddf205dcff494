package dev.idsettle.card;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The one-time PERSONALIZE data for a card, made by {@link CardIssuer#personalisation}. It carries
 * the card's keys: send it wrapped under the chip's {@link TransportKeys} ({@link
 * PurseCard#personalise(Personalisation, TransportKeys)}), or in clear only in the issuer's secure
 * personalisation room to a chip installed without transport keys.
 */
public final class Personalisation {

  private static final int HEADER = CardId.BCD_LENGTH + 2 + 1;

  private final CardId cardId;
  private final Currency currency;
  private final int keyVersion;
  private final byte[] commandKey;
  private final byte[] receiptKey;
  private final byte[] pinKey;
  private final byte @Nullable [] pin;

  Personalisation(
      CardId cardId,
      Currency currency,
      int keyVersion,
      byte[] commandKey,
      byte[] receiptKey,
      byte[] pinKey,
      byte @Nullable [] pin) {
    if (currency.getNumericCode() <= 0) {
      throw new IllegalArgumentException("currency: " + currency + " has no ISO 4217 numeric code");
    }
    this.cardId = cardId;
    this.currency = currency;
    this.keyVersion = keyVersion;
    this.commandKey = commandKey;
    this.receiptKey = receiptKey;
    this.pinKey = pinKey;
    this.pin = pin;
  }

  /** Returns the ID the card will carry. */
  public CardId cardId() {
    return cardId;
  }

  /** Returns the currency of the card's balance. */
  public Currency currency() {
    return currency;
  }

  /** Returns the version of the issuer keys the card's keys are derived from. */
  public int keyVersion() {
    return keyVersion;
  }

  /** Returns whether the card will require a PIN for every debit. */
  public boolean pinRequired() {
    return pin != null;
  }

  /** The data of a PERSONALIZE wrapped under a chip's transport keys. */
  byte[] wrappedCommandData(TransportKeys transport) {
    byte[] clear = commandData();
    byte[] header = Arrays.copyOf(clear, HEADER);
    byte[] secrets = Arrays.copyOfRange(clear, HEADER, clear.length);
    try {
      return transport.wrap(header, secrets);
    } finally {
      Arrays.fill(clear, (byte) 0);
      Arrays.fill(secrets, (byte) 0);
    }
  }

  /**
   * ID (10) | currency (2, BCD) | key version (1) | command key (16) | receipt key (16) | PIN key
   * (16) | PIN length | PIN.
   */
  byte[] commandData() {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(cardId.toBcd());
    data.writeBytes(HexFormat.of().parseHex(String.format("%04d", currency.getNumericCode())));
    data.write(keyVersion);
    data.writeBytes(commandKey);
    data.writeBytes(receiptKey);
    data.writeBytes(pinKey);
    byte[] pinBytes = pin == null ? new byte[0] : pin;
    data.write(pinBytes.length);
    data.writeBytes(pinBytes);
    return data.toByteArray();
  }

  @Override
  public String toString() {
    return "personalisation of card "
        + cardId
        + " in "
        + currency
        + " with keys of version "
        + keyVersion
        + (pin == null ? "" : " with PIN");
  }
}
