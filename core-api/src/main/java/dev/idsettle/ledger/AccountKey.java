package dev.idsettle.ledger;

import dev.idsettle.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A second way to find an account: a unique keyed hash that points to it, with the account it
 * belongs to. One store primitive for everything found by a secret or linked to another account: a
 * sub-ID's number, a holder's information, an ID's envelope for a service, the successor of a
 * merged ID (later a ticket code, a check-URL token). Keys are written once and never change or go
 * away: what a key says that can change (a sub-ID revoked, an ID merged) is the state of an
 * account, judged by the ledger in the same transaction as the money.
 *
 * <p>The hash is an HMAC under the issuer key, of the secret itself or of a name derived from the
 * accounts it links (so a store never learns the secret, and a leaked store reveals no link to a
 * number). A store keeps hashes unique: two keys never share one.
 *
 * @param hash the keyed hash (unique in the store)
 * @param account the account the key finds
 * @param owner the account it belongs to (an envelope's or sub-ID's master ID, a merged ID, the
 *     first ID of a holder), or null
 * @param tag what the key is, for the core and for a person reading the store (e.g. {@code
 *     envelope:phone}); 1 to 64 characters
 */
public record AccountKey(IdHash hash, AccountId account, @Nullable AccountId owner, String tag) {
  /** The longest tag a store must keep. */
  public static final int MAX_TAG_LENGTH = 64;

  /** Checks the fields. */
  public AccountKey {
    Checks.notNull(hash, "hash");
    Checks.notNull(account, "account");
    Checks.notNull(tag, "tag");
    if (tag.isEmpty() || tag.length() > MAX_TAG_LENGTH) {
      throw Checks.invalid(
          "tag", tag, "must have 1 to " + MAX_TAG_LENGTH + " characters, has " + tag.length());
    }
  }
}
