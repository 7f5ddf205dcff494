package dev.idsettle.http.remote;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.IdHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticator's keyed hashes of the numbers it is shown (HMAC-SHA256 under its own key): its
 * store never holds an ID or a sub-ID in clear. A sub-ID's hash finds its account; an ID's hash is
 * a key to the same account, and so is each later sub-ID of the ID; a revoked sub-ID's hash has a
 * mark.
 */
final class LocalKeys {
  private final SecretKeySpec key;

  LocalKeys(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  IdHash subId(IdNumber subId) {
    return hash("sub-id", subId);
  }

  IdHash master(IdNumber id) {
    return hash("id", id);
  }

  /** The mark that the sub-ID whose hash is {@code subId} was revoked: it is served no more. */
  IdHash revoked(IdHash subId) {
    return hash("revoked", subId.toBytes());
  }

  private IdHash hash(String kind, IdNumber id) {
    return hash(kind, id.digits().getBytes(StandardCharsets.US_ASCII));
  }

  private IdHash hash(String kind, byte[] what) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(kind.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      return IdHash.of(mac.doFinal(what));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
