package dev.idsettle.card;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** A 16-byte AES-CMAC value, compared in constant time. */
public final class Mac {

  private final byte[] bytes;

  private Mac(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of 16 bytes.
   *
   * @throws IllegalArgumentException if there are not exactly 16
   */
  public static Mac of(byte[] bytes) {
    if (bytes.length != AesCmac.LENGTH) {
      throw new IllegalArgumentException(
          "MAC: expected " + AesCmac.LENGTH + " bytes, got " + bytes.length);
    }
    return new Mac(bytes.clone());
  }

  static Mac at(byte[] bytes, int offset) {
    byte[] mac = new byte[AesCmac.LENGTH];
    System.arraycopy(bytes, offset, mac, 0, AesCmac.LENGTH);
    return new Mac(mac);
  }

  /** Returns a copy of the 16 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns whether this MAC equals {@code expected}, in time that does not depend on where. */
  boolean matches(byte[] expected) {
    return MessageDigest.isEqual(bytes, expected);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Mac mac && MessageDigest.isEqual(bytes, mac.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns the MAC in lowercase hex. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
