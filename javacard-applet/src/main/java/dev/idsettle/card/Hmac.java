package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.security.Key;

/** HMAC-SHA256 with a key that may live in a token. */
final class Hmac {

  private Hmac() {}

  static byte[] sha256(Key key, byte[] message) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no provider computes HmacSHA256 with this key", e);
    }
  }
}
