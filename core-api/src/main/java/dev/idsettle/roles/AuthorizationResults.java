package dev.idsettle.roles;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The bookkeeping of an authenticator's answers: low-balance crossings and filled batches. */
final class AuthorizationResults {
  private AuthorizationResults() {}

  /** The low-balance event of a permitted debit that took the balance below the reference. */
  static @Nullable LowBalanceEvent crossing(
      Service service, AuthorizationRequest r, CommandResult outcome) {
    Account after = outcome.debitAfter();
    if (outcome.refusal() != null || outcome.replayed() || after == null) {
      return null;
    }
    long balance = after.available();
    long reference = service.lowBalanceReference().minor();
    long before = balance + r.amount().minor();
    if (balance >= reference || before < reference) {
      return null;
    }
    return new LowBalanceEvent(
        r.id(), service.name(), after.availableBalance(), service.lowBalanceReference());
  }

  static List<AuthorizationResult> fill(
      List<@Nullable AuthorizationResult> results, AuthorizationResult filler) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == null) {
        results.set(i, filler);
      }
    }
    return finish(results);
  }

  static List<AuthorizationResult> finish(List<@Nullable AuthorizationResult> results) {
    List<AuthorizationResult> out = new ArrayList<>(results.size());
    for (AuthorizationResult r : results) {
      out.add(Objects.requireNonNull(r));
    }
    return out;
  }
}
