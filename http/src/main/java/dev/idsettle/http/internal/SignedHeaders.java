package dev.idsettle.http.internal;

import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The authentication headers of a request, parsed: who claims to send it, when, with what nonce and
 * signature. Parsing checks form only; whether the signature is right is {@link Hmac}'s question.
 *
 * @param party the claimed party's name
 * @param timestamp milliseconds since the epoch, as the sender's clock said
 * @param nonce the sender's one-time value
 * @param signature the 32-byte HMAC-SHA256
 */
@SuppressWarnings("ArrayRecordComponent")
public record SignedHeaders(String party, long timestamp, String nonce, byte[] signature) {
  /** The header naming the party. */
  public static final String PARTY = "X-IdSettle-Party";

  /** The header with the timestamp, in milliseconds since the epoch. */
  public static final String TIMESTAMP = "X-IdSettle-Timestamp";

  /** The header with the nonce: 16 to 64 characters of letters, digits, '-' and '_'. */
  public static final String NONCE = "X-IdSettle-Nonce";

  /** The header with the signature, base64url without padding. */
  public static final String SIGNATURE = "X-IdSettle-Signature";

  private static final int MAX_NAME = 60;

  /**
   * Parses the headers {@code headers} gives by name (all values of one name; null or empty when
   * absent).
   *
   * @throws AuthenticationException if a header is missing, repeated or malformed
   */
  public static SignedHeaders parse(Function<String, @Nullable List<String>> headers) {
    String party = single(headers, PARTY);
    if (party.isEmpty() || party.length() > MAX_NAME || !token(party)) {
      throw new AuthenticationException("malformed party");
    }
    String ts = single(headers, TIMESTAMP);
    if (ts.isEmpty() || ts.length() > 15 || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new AuthenticationException("malformed timestamp");
    }
    String nonce = single(headers, NONCE);
    if (nonce.length() < 16 || nonce.length() > 64 || !token(nonce)) {
      throw new AuthenticationException("malformed nonce");
    }
    String sig = single(headers, SIGNATURE);
    byte[] signature;
    if (sig.length() != 43) {
      throw new AuthenticationException("malformed signature");
    }
    try {
      signature = Base64.getUrlDecoder().decode(sig);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("malformed signature");
    }
    // 43 characters carry 258 bits for 256: the last character's two spare bits must be zero, or
    // one signature would have four spellings (a replay with a respelled signature is still the
    // same request; the nonce check must not be the only thing that sees it).
    if (!Hmac.encode(signature).equals(sig)) {
      throw new AuthenticationException("malformed signature");
    }
    return new SignedHeaders(party, Long.parseLong(ts), nonce, signature);
  }

  private static String single(Function<String, @Nullable List<String>> headers, String name) {
    List<String> values = headers.apply(name);
    if (values == null || values.size() != 1 || values.get(0) == null) {
      throw new AuthenticationException("missing or repeated " + name);
    }
    return values.get(0);
  }

  private static boolean token(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Masks the signature. */
  @Override
  public String toString() {
    return "SignedHeaders[party=" + party + ", timestamp=" + timestamp + ", nonce=" + nonce + "]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SignedHeaders h
        && h.party.equals(party)
        && h.timestamp == timestamp
        && h.nonce.equals(nonce)
        && java.util.Arrays.equals(h.signature, signature);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(party, timestamp, nonce, java.util.Arrays.hashCode(signature));
  }
}
