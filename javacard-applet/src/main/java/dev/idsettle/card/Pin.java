package dev.idsettle.card;

import java.nio.charset.StandardCharsets;

/** A card PIN: 4 to 8 decimal digits, sent to the card as ASCII. */
final class Pin {

  private Pin() {}

  static byte[] of(String pin) {
    if (!pin.matches("[0-9]{4,8}")) {
      throw new IllegalArgumentException(
          "pin: expected 4 to 8 digits, got " + pin.length() + " characters");
    }
    return pin.getBytes(StandardCharsets.US_ASCII);
  }
}
