package dev.idsettle.storefront;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Sessions and their form tokens (a signed double-submit token, as OWASP calls it). A session is
 * 256 random bits in an HttpOnly, SameSite=Strict cookie; its token is an HMAC of the session under
 * the storefront's key, written into every form. A POST is accepted only with the session cookie,
 * the token of that session, and, where the browser says where it comes from ({@code Origin},
 * {@code Sec-Fetch-Site}), from this site. Nothing is kept on the server, so no session table can
 * be filled up; the token is per session and a new key (a restart) ends every session.
 */
final class Csrf {
  static final String FIELD = "csrf";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final boolean secure;
  private final String cookieName;

  Csrf(byte[] key, boolean secure) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.secure = secure;
    // __Host-: a browser takes it only over HTTPS, from this host, for path / (no cookie tossing)
    this.cookieName = secure ? "__Host-sid" : "sid";
  }

  /** The session of the request's cookie, if it carries a well-formed one. */
  @Nullable String session(Request r) {
    String s = r.cookie(cookieName);
    return s != null && s.length() == 43 && s.chars().allMatch(Csrf::base64url) ? s : null;
  }

  /** A new session. */
  static String newSession() {
    return random(32);
  }

  /** {@code bytes} random bytes, base64url. */
  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return B64.encodeToString(b);
  }

  /** The {@code Set-Cookie} value of {@code session}. */
  String cookie(String session) {
    return cookieName
        + "="
        + session
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  /** The form token of {@code session}. */
  String token(String session) {
    return mac("csrf\n" + session);
  }

  /**
   * The desk's idempotency key for a form of {@code session}: a form's own random key, bound to the
   * session so that no other session can replay the purchase (and read its ID).
   */
  String orderKey(String session, String formKey) {
    return "web-" + mac("order\n" + session + "\n" + formKey);
  }

  /** Whether a POST carries this site's token for its session and comes from this site. */
  boolean accepts(Request r) {
    String session = session(r);
    String sent = r.form().get(FIELD);
    if (session == null || sent == null) {
      return false;
    }
    byte[] expected = token(session).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    String site = r.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = r.header("Origin");
    String host = r.header("Host");
    // under Referrer-Policy no-referrer a browser sends "Origin: null" even on its own forms
    return origin == null
        || origin.equals("null")
        || (host != null && origin.equals((secure ? "https://" : "http://") + host));
  }

  private String mac(String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return B64.encodeToString(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static boolean base64url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
