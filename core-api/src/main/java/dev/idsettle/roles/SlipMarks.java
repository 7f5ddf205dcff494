package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import java.util.List;

/**
 * The mark that makes an ID a slip (claims 10, 12): a key written with the slip when its batch is
 * issued. A slip is sold only through {@link Slips}, with the slip checks (printed data, face
 * value, batch lifecycle); the ordinary activations refuse it with {@link DenialReason#SLIP_ONLY},
 * which shows an untrusted terminal no more than an unknown ID does.
 */
final class SlipMarks {
  static final String TAG = "slip";

  private SlipMarks() {}

  static IdHash hash(IdSettle settle, AccountId slip) {
    return settle.hasher.derive("slip-id", Long.toString(slip.value()));
  }

  static AccountKey key(IdSettle settle, AccountId slip) {
    return new AccountKey(hash(settle, slip), slip, null, TAG);
  }

  /**
   * The denial of an ordinary activation of {@code account} if it is a slip, else null. Counted in
   * {@code scope}'s budgets like an unknown ID, so that probing slips there teaches nothing more.
   */
  static @org.jspecify.annotations.Nullable Denial refuse(
      IdSettle settle, AccountId account, IdNumber id, GuardScope scope) {
    IdHash h = hash(settle, account);
    if (!settle.ledger.keys(List.of(h)).containsKey(h)) {
      return null;
    }
    if (!scope.miss()) {
      return scope.throttled();
    }
    return new Denial(
        DenialReason.SLIP_ONLY, null, "ID " + id + " is a slip: it is sold through Slips only");
  }
}
