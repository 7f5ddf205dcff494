package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AES-CMAC (RFC 4493, NIST SP 800-38B) on top of the JDK's AES, which has no CMAC of its own. It
 * matches the card's {@code Signature.ALG_AES_CMAC_128}.
 */
public final class AesCmac {

  /** Length of a MAC and of an AES block, in bytes. */
  public static final int LENGTH = 16;

  private static final byte RB = (byte) 0x87;

  private AesCmac() {}

  /**
   * Computes the MAC of {@code message}.
   *
   * @param key an AES key of 16, 24 or 32 bytes
   * @param message any number of bytes, including none
   * @return the 16-byte MAC
   * @throws IllegalArgumentException if the key length is not an AES key length
   */
  public static byte[] mac(byte[] key, byte[] message) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException(
          "key: an AES key has 16, 24 or 32 bytes, got " + key.length);
    }
    Cipher aes = aes(key);
    return mac(aes, message);
  }

  /** The MAC of {@code message} with {@code aes}, a cipher set to encrypt single AES blocks. */
  static byte[] mac(Cipher aes, byte[] message) {
    byte[] k1 = doubled(encrypt(aes, new byte[LENGTH]));
    byte[] k2 = doubled(k1);
    int blocks = Math.max(1, (message.length + LENGTH - 1) / LENGTH);
    boolean complete = message.length > 0 && message.length % LENGTH == 0;
    byte[] last = new byte[LENGTH];
    int lastStart = (blocks - 1) * LENGTH;
    int lastLength = message.length - lastStart;
    System.arraycopy(message, lastStart, last, 0, lastLength);
    if (!complete) {
      last[lastLength] = (byte) 0x80;
    }
    xor(last, complete ? k1 : k2, 0);
    byte[] state = new byte[LENGTH];
    for (int block = 0; block < blocks - 1; block++) {
      xor(state, message, block * LENGTH);
      state = encrypt(aes, state);
    }
    xor(state, last, 0);
    return encrypt(aes, state);
  }

  /**
   * Checks a MAC in time that does not depend on where it differs.
   *
   * @return whether {@code mac} is the MAC of {@code message} under {@code key}
   */
  public static boolean verify(byte[] key, byte[] message, byte[] mac) {
    return MessageDigest.isEqual(mac(key, message), mac);
  }

  /** The key check value of the key {@code aes} encrypts with: AES(key, 0^16), first 3 bytes. */
  static byte[] checkValue(Cipher aes) {
    byte[] block = encrypt(aes, new byte[LENGTH]);
    return java.util.Arrays.copyOf(block, 3);
  }

  private static Cipher aes(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "AES");
    return aes(spec);
  }

  /** A cipher that encrypts single blocks under {@code key}, which may live in a token. */
  static Cipher aes(java.security.Key key) {
    return aes(key, null);
  }

  /**
   * A cipher that encrypts single blocks under {@code key}, from {@code preferred} if it can (the
   * provider of the key store the key came from, which need not be installed), else from any
   * installed provider.
   */
  static Cipher aes(java.security.Key key, java.security.@Nullable Provider preferred) {
    GeneralSecurityException first = null;
    if (preferred != null) {
      try {
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding", preferred);
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher;
      } catch (GeneralSecurityException e) {
        first = e;
      }
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key);
      return cipher;
    } catch (GeneralSecurityException e) {
      if (first != null) {
        e.addSuppressed(first);
      }
      throw new IllegalStateException("no provider encrypts AES/ECB/NoPadding with this key", e);
    }
  }

  private static byte[] encrypt(Cipher aes, byte[] block) {
    try {
      return aes.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on one full block", e);
    }
  }

  /** Multiplication by x in GF(2^128), the subkey step of RFC 4493 section 2.3. */
  private static byte[] doubled(byte[] block) {
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      int next = i + 1 < LENGTH ? (block[i + 1] & 0xFF) >>> 7 : 0;
      out[i] = (byte) ((block[i] << 1) | next);
    }
    if ((block[0] & 0x80) != 0) {
      out[LENGTH - 1] ^= RB;
    }
    return out;
  }

  private static void xor(byte[] target, byte[] source, int sourceOffset) {
    for (int i = 0; i < LENGTH; i++) {
      target[i] ^= source[sourceOffset + i];
    }
  }
}
