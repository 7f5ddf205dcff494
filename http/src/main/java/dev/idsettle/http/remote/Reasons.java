package dev.idsettle.http.remote;

import dev.idsettle.ledger.Refusal;
import dev.idsettle.roles.DenialReason;
import org.jspecify.annotations.Nullable;

/** The role's reason for a ledger refusal (null for those that only undo a hold). */
final class Reasons {
  private Reasons() {}

  static @Nullable DenialReason of(@Nullable Refusal refusal) {
    if (refusal == null) {
      return null;
    }
    return switch (refusal) {
      case INSUFFICIENT_BALANCE -> DenialReason.INSUFFICIENT_BALANCE;
      case NOT_ACTIVATED -> DenialReason.NOT_ACTIVATED;
      case ALREADY_ACTIVE -> DenialReason.ALREADY_ACTIVE;
      case EXHAUSTED -> DenialReason.EXHAUSTED;
      case BLOCKED -> DenialReason.BLOCKED;
      case EXPIRED -> DenialReason.EXPIRED;
      case CLOSED -> DenialReason.CLOSED;
      case REVERSED -> DenialReason.REVERSED;
      case BALANCE_LIMIT -> DenialReason.BALANCE_LIMIT;
      case ID_REUSED -> DenialReason.DUPLICATE_REFERENCE;
      case CURRENCY_MISMATCH -> DenialReason.WRONG_CURRENCY;
      case INVALID_AMOUNT, OVERFLOW, CAPTURE_EXCEEDS_HOLD, SAME_ACCOUNT ->
          DenialReason.INVALID_AMOUNT;
      case ACCOUNT_NOT_FOUND -> DenialReason.UNKNOWN_ID;
      case NOT_EMPTY, HOLD_ALREADY_RESOLVED, HOLD_EXPIRED, HOLD_NOT_FOUND -> null;
    };
  }
}
