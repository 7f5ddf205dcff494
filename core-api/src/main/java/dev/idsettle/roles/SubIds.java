package dev.idsettle.roles;

import dev.idsettle.id.DammCheckDigit;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sub-IDs (claim 4): per-service numbers of an ID, found by {@link AccountKey}s.
 *
 * <p>A sub-ID has two digits more than the ID numbers of its {@link IdSettle} (18 for the default
 * 16), the last a Damm check digit: its length tells it from a master ID. Its digits are an HMAC
 * under the issuer key of the ID's account, the service and a generation, so the same ID at the
 * same service always gets the same sub-ID (idempotent, also under concurrency: every caller
 * computes the same number and the same unique key) without the store ever holding the number: the
 * store keeps only its keyed hash, like an ID number's. Revoking a sub-ID writes a second key
 * (revoked), never touching the ID or its value; the next request for a sub-ID of that ID at that
 * service gets the next generation's number. At most {@value #GENERATIONS} sub-IDs per ID and
 * service.
 */
final class SubIds {
  static final String SUB = "sub:";
  static final int GENERATIONS = 16;
  // "Revoked!" in ASCII
  private static final long REVOKED = 0x5265766f6b656421L;

  private final IdSettle settle;
  private final IdNumberFormat format;
  private final BigInteger modulus;

  SubIds(IdSettle settle) {
    this.settle = settle;
    int length = settle.generator.format().length() + 2;
    if (length > IdNumberFormat.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "sub-IDs have two digits more than ID numbers: idFormat must be at most "
              + (IdNumberFormat.MAX_LENGTH - 2)
              + " digits for a manager");
    }
    this.format = new IdNumberFormat(length);
    this.modulus = BigInteger.TEN.pow(length - 1);
  }

  /** The shape of sub-IDs. */
  IdNumberFormat format() {
    return format;
  }

  boolean isSubId(IdNumber id) {
    return id.length() == format.length();
  }

  /** The sub-ID of generation {@code generation} of {@code master} at {@code service}. */
  IdNumber number(AccountId master, String service, int generation) {
    byte[] mac =
        settle
            .hasher
            .derive("sub-id", Long.toString(master.value()), service, Integer.toString(generation))
            .toBytes();
    String body = new BigInteger(1, mac).mod(modulus).toString();
    String padded = "0".repeat(format.length() - 1 - body.length()) + body;
    return format.parse(padded + DammCheckDigit.compute(padded));
  }

  /**
   * The hash of a sub-ID's revocation: the sub-ID's keyed hash with its first word flipped by a
   * constant. As unpredictable as the keyed hash itself, unique to it, and free to compute on the
   * request path (another HMAC per request cost a visible share of an authorization in memory).
   */
  static IdHash revokedHash(IdHash subId) {
    return IdHash.ofWords(subId.word(0) ^ REVOKED, subId.word(1), subId.word(2), subId.word(3));
  }

  /**
   * What a sub-ID says.
   *
   * @param key its key (the ID's account, the service in the tag), or null if no such sub-ID
   * @param revoked whether it was revoked
   */
  record Found(@Nullable AccountKey key, boolean revoked) {
    /** The service the sub-ID is for. */
    String service() {
      String tag = key == null ? "" : key.tag();
      return tag.substring(SUB.length(), tag.lastIndexOf(':'));
    }
  }

  /** Looks {@code subId} up with its revocation in one store call (never cached). */
  Found find(IdNumber subId) {
    IdHash hash = settle.hasher.hash(subId);
    IdHash revoked = revokedHash(hash);
    Map<IdHash, AccountKey> keys = settle.ledger.keys(List.of(hash, revoked));
    return new Found(keys.get(hash), keys.containsKey(revoked));
  }

  /**
   * The current sub-ID of {@code master} at {@code service}, made if it has none, or null if all
   * {@value #GENERATIONS} were revoked.
   */
  @Nullable IdNumber issue(AccountId master, String service) {
    List<IdNumber> numbers = new ArrayList<>(GENERATIONS);
    List<IdHash> hashes = new ArrayList<>(2 * GENERATIONS);
    for (int g = 0; g < GENERATIONS; g++) {
      IdNumber n = number(master, service, g);
      IdHash h = settle.hasher.hash(n);
      numbers.add(n);
      hashes.add(h);
      hashes.add(revokedHash(h));
    }
    Map<IdHash, AccountKey> keys = settle.ledger.keys(hashes);
    for (int g = 0; g < GENERATIONS; g++) {
      IdHash h = hashes.get(2 * g);
      if (keys.containsKey(hashes.get(2 * g + 1))) {
        continue;
      }
      if (!keys.containsKey(h)) {
        AccountKey key = new AccountKey(h, master, master, SUB + service + ":" + g);
        // a concurrent issue of the same sub-ID wrote the same key: either way it exists now
        settle.ledger.createWithKeys(List.of(), List.of(key));
      }
      return numbers.get(g);
    }
    return null;
  }

  /** Revokes {@code subId}; true if this call revoked it, false if it was revoked already. */
  boolean revoke(IdHash subId, AccountId master) {
    AccountKey revoked = new AccountKey(revokedHash(subId), master, null, "revoked-sub");
    return settle.ledger.createWithKeys(List.of(), List.of(revoked)).isEmpty();
  }
}
