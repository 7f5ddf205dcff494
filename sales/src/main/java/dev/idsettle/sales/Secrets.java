package dev.idsettle.sales;

import dev.idsettle.id.IdNumber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The desk's keys, derived from its one secret: one seals stocked ID numbers (AES-256-GCM, bound to
 * the stock entry), one derives each order's check token (HMAC-SHA256 of the order key, 256 bits),
 * so that the token can be given again on a replay although only its hash is stored.
 */
final class Secrets {
  private static final int NONCE = 12;
  private final SecretKeySpec sealKey;
  private final SecretKeySpec tokenKey;
  private final SecureRandom random = new SecureRandom();

  Secrets(byte[] deskKey) {
    this.sealKey = new SecretKeySpec(hmac(new SecretKeySpec(deskKey, "HmacSHA256"), "seal"), "AES");
    this.tokenKey =
        new SecretKeySpec(
            hmac(new SecretKeySpec(deskKey, "HmacSHA256"), "check-token"), "HmacSHA256");
  }

  String seal(String stockId, IdNumber id) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
      c.updateAAD(stockId.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(id.digits().getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder()
          .encodeToString(ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JDK", e);
    }
  }

  /** The ID sealed in {@code sealed}; throws if it was not sealed under this key for the entry. */
  IdNumber unseal(String stockId, String sealed) {
    byte[] all = Base64.getDecoder().decode(sealed);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, all, 0, NONCE));
      c.updateAAD(stockId.getBytes(StandardCharsets.UTF_8));
      byte[] digits = c.doFinal(all, NONCE, all.length - NONCE);
      return IdNumber.parse(new String(digits, StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "stock entry " + stockId + " was not sealed under this desk's key", e);
    }
  }

  String token(String orderKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(tokenKey, orderKey));
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static byte[] hmac(SecretKeySpec key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
