package dev.idsettle.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature: HMAC-SHA256 under the party's key over the method, the path, the party,
 * the timestamp and the nonce (each followed by a line feed), then the body's bytes.
 */
public final class Hmac {
  private static final SecureRandom RANDOM = new SecureRandom();
  // Mac.getInstance looks the provider up each time: one Mac per thread, re-keyed per request
  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("HmacSHA256 is not available", e);
            }
          });

  private Hmac() {}

  /** The signature of a request. */
  public static byte[] sign(
      SecretKeySpec key,
      String method,
      String path,
      String party,
      long timestamp,
      String nonce,
      byte[] body) {
    Mac mac = MACS.get();
    try {
      mac.init(key);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("not an HmacSHA256 key", e);
    }
    String head = method + "\n" + path + "\n" + party + "\n" + timestamp + "\n" + nonce;
    mac.update(head.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) '\n');
    return mac.doFinal(body);
  }

  /** The signature in its header form. */
  public static String encode(byte[] signature) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** Whether {@code a} equals {@code b}, in time that does not depend on where they differ. */
  public static boolean same(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** A fresh nonce: 128 random bits, base64url. */
  public static String nonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
