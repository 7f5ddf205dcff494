package dev.idsettle.http;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.internal.Hmac;
import dev.idsettle.http.internal.SignedHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as {@link HttpManagerServer} checks them, for callers that write HTTP themselves
 * (a load generator replaying pre-signed requests, a client in another stack): the four
 * authentication headers of a POST of {@code body} to {@code path} by a party, at a timestamp, with
 * a nonce. The signature is HMAC-SHA256 under the party's key over the method, the path, the party,
 * the timestamp and the nonce (each followed by a line feed), then the body. {@link HttpTransport}
 * signs through it. Immutable and thread-safe.
 */
public final class RequestSigner {
  private final String party;
  private final SecretKeySpec key;

  private RequestSigner(String party, SecretKeySpec key) {
    this.party = party;
    this.key = key;
  }

  /**
   * The signer of party {@code party} with its key.
   *
   * @throws InvalidConfigurationException if either is null or the key is shorter than {@value
   *     Parties#MIN_KEY_BYTES} bytes
   */
  public static RequestSigner of(String party, byte[] key) {
    if (party == null || key == null) {
      throw new InvalidConfigurationException("party and key must not be null");
    }
    if (key.length < Parties.MIN_KEY_BYTES) {
      throw new InvalidConfigurationException(
          "key must have at least " + Parties.MIN_KEY_BYTES + " bytes, has " + key.length);
    }
    return new RequestSigner(party, new SecretKeySpec(key.clone(), "HmacSHA256"));
  }

  /** A fresh nonce: 128 random bits, base64url (22 characters). */
  public static String nonce() {
    return Hmac.nonce();
  }

  /** The party whose requests this signs. */
  public String party() {
    return party;
  }

  /**
   * The authentication headers of a POST of {@code body} to {@code path}, in the order party,
   * timestamp, nonce, signature (header name to value).
   *
   * @param path the request's raw path, such as {@code /v1/authorize}
   * @param timestamp milliseconds since the epoch; the server refuses one outside its clock skew
   * @param nonce 16 to 64 characters of letters, digits, '-', '_' and '.', never used before by
   *     this party (the server refuses a replay)
   * @param body the exact bytes sent
   * @throws InvalidRequestException if an argument is null or the path does not start with '/'
   */
  public Map<String, String> headers(String path, long timestamp, String nonce, byte[] body) {
    if (path == null || nonce == null || body == null) {
      throw new InvalidRequestException("path, nonce and body must not be null");
    }
    if (!path.startsWith("/")) {
      throw new InvalidRequestException("path must start with '/'");
    }
    byte[] signature = Hmac.sign(key, "POST", path, party, timestamp, nonce, body);
    Map<String, String> h = new LinkedHashMap<>();
    h.put(SignedHeaders.PARTY, party);
    h.put(SignedHeaders.TIMESTAMP, Long.toString(timestamp));
    h.put(SignedHeaders.NONCE, nonce);
    h.put(SignedHeaders.SIGNATURE, Hmac.encode(signature));
    return h;
  }

  /** Names the party, never the key. */
  @Override
  public String toString() {
    return "RequestSigner[party=" + party + "]";
  }
}
