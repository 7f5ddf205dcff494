package dev.idsettle.roles;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order a linked request draws in (claim 8): the soonest expiry first (an account whose expiry
 * is not fixed yet last), then the smallest available balance, then the account id, so that the
 * same balances always give the same plan.
 */
final class LinkedPlan {
  static final Comparator<Source> ORDER =
      Comparator.comparing((Source s) -> s.expiresAt() == null ? Instant.MAX : s.expiresAt())
          .thenComparingLong(Source::available)
          .thenComparingLong(s -> s.account().value());

  private LinkedPlan() {}

  /**
   * What one account can give a plan.
   *
   * @param account the account a draw would debit (an ID, or its envelope for the service)
   * @param expiresAt its expiry instant, null if not fixed yet
   * @param available what it can give, in minor units
   */
  record Source(AccountId account, @Nullable Instant expiresAt, long available) {}

  /**
   * One draw of a plan.
   *
   * @param account the account debited
   * @param minor how much, in minor units
   */
  record Draw(AccountId account, long minor) {}

  /** The draws that cover {@code amount} from {@code sources}, or none if they cannot. */
  static List<Draw> draws(List<Source> sources, long amount) {
    if (total(sources) < amount) {
      return List.of();
    }
    List<Source> sorted = new ArrayList<>(sources);
    sorted.sort(ORDER);
    List<Draw> out = new ArrayList<>(2);
    long left = amount;
    for (Source s : sorted) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, s.available());
      if (take > 0) {
        out.add(new Draw(s.account(), take));
        left -= take;
      }
    }
    return out;
  }

  /** The sum of what the sources can give. */
  static long total(List<Source> sources) {
    long sum = 0;
    for (Source s : sources) {
      sum = Math.addExact(sum, Math.max(0, s.available()));
    }
    return sum;
  }

  /**
   * The id of the first draw of the plan made again, from a fresh read, for the request whose first
   * draw {@code head} was refused after a plan from images.
   */
  static TransferId retryId(TransferId head) {
    return TransferId.derive("idsettle:linked-again", head.toString());
  }

  /** The id of draw {@code index} (from 1) of the request whose first draw is {@code head}. */
  static TransferId legId(TransferId head, int index) {
    return TransferId.derive("idsettle:linked", head.toString(), Integer.toString(index));
  }
}
