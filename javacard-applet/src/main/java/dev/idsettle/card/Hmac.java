package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import org.jspecify.annotations.Nullable;

/** HMAC-SHA256 with a key that may live in a token. */
final class Hmac {

  private Hmac() {}

  static byte[] sha256(Key key, byte[] message) {
    return sha256(key, null, message);
  }

  /**
   * HMAC-SHA256 from {@code preferred} if it can (the provider of the key store the key came from,
   * which need not be installed), else from any installed provider.
   */
  static byte[] sha256(Key key, @Nullable Provider preferred, byte[] message) {
    GeneralSecurityException first = null;
    if (preferred != null) {
      try {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256", preferred);
        mac.init(key);
        return mac.doFinal(message);
      } catch (GeneralSecurityException e) {
        first = e;
      }
    }
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      if (first != null) {
        e.addSuppressed(first);
      }
      throw new IllegalStateException("no provider computes HmacSHA256 with this key", e);
    }
  }
}
