package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;

/**
 * The IDs of one holder (seed 000, claims 8 and 9): a new ID issued or activated for a holder who
 * already has one is either <b>linked</b> to the holder's IDs, so that a request may spend up to
 * the sum of their balances, or the holder's IDs are <b>merged</b> into it. Get one with {@link
 * #over(SettlementManager)}. Thread-safe.
 *
 * <h2>Holder information</h2>
 *
 * What identifies a holder (a customer number, an e-mail address) is opaque to the library and is
 * never stored, logged or put in a message: the store keeps only its keyed hash, in a {@link
 * dev.idsettle.ledger.AccountKey} that points to the holder's first ID; each ID of the holder has a
 * key of its own, owned by that first ID. An ID belongs to at most one holder ({@link
 * DenialReason#OTHER_HOLDER}).
 *
 * <h2>Linked spending (claim 8)</h2>
 *
 * A request to {@link #authenticator(String)} presenting any ID of a holder draws from all of the
 * holder's IDs that the service can spend (their envelopes for it, or their unallocated value), in
 * this order: <b>the soonest expiry first</b> (an ID without a fixed expiry last), <b>then the
 * smallest balance</b>, until the amount is covered. The draws are one linked ledger group: all are
 * applied or none; every ID is judged by the ledger under lock, so no ID is ever overdrawn and the
 * request never spends more than the sum. An ID of the holder that is not usable (blocked, expired,
 * merged, unsold) gives nothing; the presented ID itself must be usable, as for a plain request.
 * Refusals (claim 7) and the low-balance warning (claim 11) are judged on what the service can
 * spend from all the holder's IDs together. The plan is made from balances read just before; if
 * they change before the group is judged, the group is refused as a whole (the request's reference
 * stays refused, as for any refused request) and nothing moves.
 *
 * <h2>Merging (claim 9) and the expiry of merged value</h2>
 *
 * {@link #merge} moves the whole balance of each of the holder's other usable IDs into the new ID
 * and marks each {@link dev.idsettle.ledger.AccountState#MERGED}, with a key pointing to the new
 * ID, in one ledger transaction (a linked transfer plus a state change per ID). A merge is refused
 * as a whole while an old ID has open holds (a running call must not become free: {@link
 * DenialReason#OPEN_HOLDS}), is blocked ({@link DenialReason#BLOCKED}) or has value in envelopes
 * ({@link DenialReason#ALLOCATED}). A debit racing a merge on the old ID is judged in arrival order
 * by the ledger: either the debit comes first and the merge moves what is left, or the merge comes
 * first and the debit is refused; the same value is never spent twice.
 *
 * <p><b>Expiry rule:</b> merged value takes the expiry of the ID it is merged into (the survivor's
 * expiry is neither shortened nor extended by the merge). An old ID that has already expired is not
 * merged: its value expired with it and stays where it is, so a merge never revives expired value.
 *
 * <h2>References</h2>
 *
 * Every call carries a caller-chosen reference: the same reference with the same content replays
 * the original answer ({@code replayed} true), with other content it is denied {@link
 * DenialReason#DUPLICATE_REFERENCE}. References are global to the store, like the selector's.
 */
public interface Holders {
  /** The longest holder information, in characters. */
  int MAX_HOLDER = 200;

  /** The longest reference, in characters. */
  int MAX_REFERENCE = 200;

  /** The holders of the IDs of {@code manager}'s network. */
  static Holders over(SettlementManager manager) {
    Checks.notNull(manager, "manager");
    if (!(manager instanceof DefaultSettlementManager m)) {
      throw new dev.idsettle.InvalidRequestException(
          "manager must come from SettlementManager.over(settle)");
    }
    return new DefaultHolders(m);
  }

  /**
   * Links {@code id} to {@code holder} (claim 8): the holder's first ID, or one more of them. An
   * unsold ID may be linked when it is issued; it gives value once activated. An ID never issued is
   * a miss in the manager's shared guessing budget ({@link SettlementManager#block}): {@link
   * DenialReason#UNKNOWN_ID} while it has room, {@link DenialReason#THROTTLED} once it is spent.
   *
   * @param holder what identifies the holder, opaque, 1 to {@value #MAX_HOLDER} characters (stored
   *     only as a keyed hash)
   * @return {@link Linked}, or a {@link Denial}: {@link DenialReason#UNKNOWN_ID}, {@link
   *     DenialReason#OTHER_HOLDER}, the ID's state ({@link DenialReason#BLOCKED}, {@link
   *     DenialReason#MERGED}, ...), {@link DenialReason#DUPLICATE_REFERENCE}
   * @throws dev.idsettle.InvalidRequestException if the holder or reference is blank or too long
   */
  HolderResult link(String holder, IdNumber id, String reference);

  /**
   * Merges every other usable ID of {@code holder} into {@code id} and makes {@code id} one of the
   * holder's IDs (claim 9), in one ledger transaction; see the class comment for the refusals and
   * the expiry rule. {@code id} must be active (activate it first): an ID never issued and one not
   * sold are answered alike, {@link DenialReason#UNKNOWN_ID}, as misses in the manager's shared
   * guessing budget ({@link DenialReason#THROTTLED} once it is spent). A holder without IDs yet
   * gets {@code id} as its first, with nothing merged.
   *
   * @return {@link Merged}, or a {@link Denial}: {@link DenialReason#UNKNOWN_ID}, {@link
   *     DenialReason#OPEN_HOLDS}, {@link DenialReason#BLOCKED}, {@link DenialReason#ALLOCATED},
   *     {@link DenialReason#OTHER_HOLDER}, {@code id}'s own state, {@link
   *     DenialReason#DUPLICATE_REFERENCE}
   * @throws dev.idsettle.InvalidRequestException if the holder or reference is blank or too long
   */
  HolderResult merge(String holder, IdNumber id, String reference);

  /**
   * The settlement authentication device of the registered {@code service} that spends across a
   * holder's linked IDs (claim 8), under the guessing budgets of the service's device ({@link
   * SettlementManager#authenticator}), which counts each miss, in a batch in order. A request
   * presenting an ID with no holder is judged exactly as by {@link
   * SettlementManager#authenticator}; so is a sub-ID.
   *
   * @throws dev.idsettle.InvalidRequestException if no service of that name is registered
   */
  SettlementAuthenticator authenticator(String service);
}
