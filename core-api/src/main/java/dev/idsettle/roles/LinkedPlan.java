package dev.idsettle.roles;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order a linked request draws in (claim 8): the soonest expiry first (an account whose expiry
 * is not fixed yet last), then the smallest available balance, then the account id, so that the
 * same balances always give the same plan.
 */
final class LinkedPlan {
  static final Comparator<Account> ORDER =
      Comparator.comparing((Account a) -> a.expiresAt() == null ? Instant.MAX : a.expiresAt())
          .thenComparingLong(Account::available)
          .thenComparingLong(a -> a.id().value());

  private LinkedPlan() {}

  /**
   * One draw of a plan.
   *
   * @param account the account debited
   * @param minor how much, in minor units
   */
  record Draw(AccountId account, long minor) {}

  /** The draws that cover {@code amount} from {@code accounts}, or none if they cannot. */
  static List<Draw> draws(List<Account> accounts, long amount) {
    if (total(accounts) < amount) {
      return List.of();
    }
    List<Account> sorted = new ArrayList<>(accounts);
    sorted.sort(ORDER);
    List<Draw> out = new ArrayList<>(2);
    long left = amount;
    for (Account a : sorted) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, a.available());
      if (take > 0) {
        out.add(new Draw(a.id(), take));
        left -= take;
      }
    }
    return out;
  }

  /** The sum of what the accounts can spend. */
  static long total(List<Account> accounts) {
    long sum = 0;
    for (Account a : accounts) {
      sum = Math.addExact(sum, Math.max(0, a.available()));
    }
    return sum;
  }

  /** The id of draw {@code index} (from 1) of the request whose first draw is {@code head}. */
  static TransferId legId(TransferId head, int index) {
    return TransferId.derive("idsettle:linked", head.toString(), Integer.toString(index));
  }
}
