package dev.idsettle.card.applet;

/** Checks of packed BCD fields in personalisation data. */
final class Bcd {

  private Bcd() {}

  /**
   * Returns whether {@code length} bytes hold at least one decimal digit, then only 0xF padding
   * nibbles.
   */
  static boolean isCardId(byte[] buffer, short offset, short length) {
    boolean padding = false;
    short nibbles = (short) (length * 2);
    for (short i = (short) 0; i < nibbles; i++) {
      byte nibble = nibble(buffer, offset, i);
      if (nibble == (byte) 0x0F && i > (short) 0) {
        padding = true;
      } else if (padding || nibble > (byte) 9) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether two bytes hold a three-digit ISO 4217 numeric code as 0x0NNN. */
  static boolean isCurrency(byte[] buffer, short offset) {
    if (nibble(buffer, offset, (short) 0) != (byte) 0) {
      return false;
    }
    for (short i = (short) 1; i < (short) 4; i++) {
      if (nibble(buffer, offset, i) > (byte) 9) {
        return false;
      }
    }
    return true;
  }

  private static byte nibble(byte[] buffer, short offset, short index) {
    byte value = buffer[(short) (offset + (short) (index >> 1))];
    if ((short) (index & 1) == (short) 0) {
      return (byte) ((value >> 4) & 0x0F);
    }
    return (byte) (value & 0x0F);
  }
}
