package dev.idsettle.http.remote;

import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.TransferId;
import java.util.HexFormat;

/**
 * The ledger ids a transfer's steps get, derived from the party and the transfer's own id: a retry,
 * a duplicate or a recovery pass always names the same ledger transfer, so the ledger applies each
 * step once. The party is part of every manager-side id: one authenticator cannot name (and so
 * capture, void or bar) another's transfer.
 */
final class TransferIds {
  private TransferIds() {}

  /** The manager's hold of a pull. */
  static TransferId hold(String party, TransferId transfer) {
    return TransferId.derive("idsettle-remote-hold", party, transfer.toString());
  }

  /** The manager's capture of that hold (the confirm). */
  static TransferId capture(String party, TransferId transfer) {
    return TransferId.derive("idsettle-remote-capture", party, transfer.toString());
  }

  /** The manager's void of that hold (the cancel). */
  static TransferId cancel(String party, TransferId transfer) {
    return TransferId.derive("idsettle-remote-cancel", party, transfer.toString());
  }

  /** The manager's post of a repay. */
  static TransferId repay(String party, TransferId transfer) {
    return TransferId.derive("idsettle-remote-repay", party, transfer.toString());
  }

  /** The authenticator's capture of its own pending hold (its local half, once decided). */
  static TransferId localCapture(TransferId transfer) {
    return TransferId.derive("idsettle-remote-local-capture", transfer.toString());
  }

  /** The authenticator's void of its own pending hold. */
  static TransferId localVoid(TransferId transfer) {
    return TransferId.derive("idsettle-remote-local-void", transfer.toString());
  }

  /** A pull's id, from the authenticator's source and the client's reference. */
  static TransferId pull(String source, String reference) {
    return TransferId.derive("idsettle-remote-pull", source, reference);
  }

  /** A repay's id, from the authenticator's source and the client's reference. */
  static TransferId giveBack(String source, String reference) {
    return TransferId.derive("idsettle-remote-give-back", source, reference);
  }

  /** The repay that gives back an account's value once its sub-ID (by its hash) was revoked. */
  static TransferId revoked(String source, IdHash subId) {
    return TransferId.derive(
        "idsettle-remote-revoked", source, HexFormat.of().formatHex(subId.toBytes()));
  }

  /** A local debit's id, from the requesting terminal and its reference. */
  static TransferId debit(String terminal, String reference) {
    return TransferId.derive("idsettle-remote-debit", terminal, reference);
  }
}
