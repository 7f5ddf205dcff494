package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.money.Money;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The denials the network's calls share (a miss, a wrong service, a ledger refusal) and their check
 * of a text argument: one wording for each, whichever call answers.
 */
final class Answers {
  private Answers() {}

  /**
   * A miss (an ID or sub-ID never issued, not sold or revoked) counted in {@code scope}: one answer
   * for all of them, or {@link DenialReason#THROTTLED} if a budget had no room for it.
   */
  static Denial miss(IdNumber id, GuardScope scope) {
    if (!scope.miss()) {
      return scope.throttled();
    }
    return new Denial(DenialReason.UNKNOWN_ID, null, "ID " + id + " cannot be used");
  }

  static Denial wrongService(IdNumber id, String service) {
    return new Denial(
        DenialReason.WRONG_SERVICE,
        null,
        "ID " + id + " is usable at another service only, not at " + service);
  }

  static Denial denial(Refusal refusal, IdNumber id, @Nullable Money balance) {
    DenialReason reason = DenialReason.of(refusal);
    return new Denial(
        reason,
        reason == DenialReason.INSUFFICIENT_BALANCE || reason == DenialReason.EXHAUSTED
            ? balance
            : null,
        "ID " + id + ": " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  /** Requires 1 to {@code max} characters, not all blank, naming {@code field} otherwise. */
  static void requireText(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new InvalidRequestException(
          field + " must have 1 to " + max + " characters and not be blank");
    }
  }
}
