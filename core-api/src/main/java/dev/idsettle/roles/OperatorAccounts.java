package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.spi.LedgerStore;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The names of the operator's accounts that the roles post to, in one currency: a terminal's cash
 * (debited by every activation it makes) and a service's revenue (credited by every debit it is
 * paid). Modules that post to these accounts themselves (metering, the card journal) or read them
 * (reports, tests) take their ids from here, so that they are the accounts the roles use.
 *
 * <p>A service's revenue is spread over {@link #revenueShards()} accounts, as many as the store
 * declares ({@link LedgerStore#revenueShards()}): a debit credits the shard of its requester, and
 * the service's revenue is the sum of all of them ({@link IdSettle#revenue}). Immutable and
 * thread-safe; no method calls the store.
 */
public final class OperatorAccounts {
  /**
   * The most revenue shards a store may declare: the 256 every store used before the count was the
   * store's.
   */
  public static final int MAX_REVENUE_SHARDS = 256;

  private final Currency currency;
  private final int revenueShards;

  private OperatorAccounts(Currency currency, int revenueShards) {
    this.currency = currency;
    this.revenueShards = revenueShards;
  }

  /**
   * The operator accounts in {@code currency} over {@code store}, with the store's revenue shards.
   *
   * @throws dev.idsettle.InvalidRequestException if an argument is null or the store declares a
   *     shard count outside 1 to {@value #MAX_REVENUE_SHARDS}
   */
  public static OperatorAccounts of(LedgerStore store, Currency currency) {
    Checks.notNull(store, "store");
    Checks.notNull(currency, "currency");
    int shards = store.revenueShards();
    if (shards < 1 || shards > MAX_REVENUE_SHARDS) {
      throw Checks.invalid(
          "store.revenueShards", shards, "must be between 1 and " + MAX_REVENUE_SHARDS);
    }
    return new OperatorAccounts(currency, shards);
  }

  /** The currency of these accounts. */
  public Currency currency() {
    return currency;
  }

  /** Over how many accounts a service's revenue is spread (1 to {@value #MAX_REVENUE_SHARDS}). */
  public int revenueShards() {
    return revenueShards;
  }

  /**
   * The cash account of settlement terminal {@code terminalId}.
   *
   * @throws dev.idsettle.InvalidRequestException if the id is null
   */
  public AccountId cash(String terminalId) {
    Checks.notNull(terminalId, "terminalId");
    return AccountId.named("cash:" + currency.getCurrencyCode() + ":" + terminalId);
  }

  /**
   * The revenue account of {@code service} that a debit requested by {@code requester} (a terminal
   * id, a session id) credits. A function of the two names alone, so a retried request credits the
   * same account; one requester's debits all credit one account, and concurrent requesters rarely
   * share one.
   *
   * @throws dev.idsettle.InvalidRequestException if a name is null
   */
  public AccountId revenue(String service, String requester) {
    Checks.notNull(service, "service");
    Checks.notNull(requester, "requester");
    return revenueShard(service, revenueShard(requester));
  }

  /**
   * The index in {@link #revenueAccounts} of the account a debit requested by {@code requester}
   * credits: for a caller that keeps the list and must not hash a name per debit.
   *
   * @throws dev.idsettle.InvalidRequestException if the name is null
   */
  public int revenueShard(String requester) {
    Checks.notNull(requester, "requester");
    int h = requester.hashCode();
    // murmur3's finalizer: similar names (kiosk-1, kiosk-2, ...) land on unrelated shards
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Integer.remainderUnsigned(h, revenueShards);
  }

  /**
   * Every revenue account of {@code service}, {@link #revenueShards()} of them: the accounts to
   * create before the service is paid, and whose balances sum to its revenue.
   *
   * @throws dev.idsettle.InvalidRequestException if the name is null
   */
  public List<AccountId> revenueAccounts(String service) {
    Checks.notNull(service, "service");
    List<AccountId> out = new ArrayList<>(revenueShards);
    for (int shard = 0; shard < revenueShards; shard++) {
      out.add(revenueShard(service, shard));
    }
    return List.copyOf(out);
  }

  private AccountId revenueShard(String service, int shard) {
    return AccountId.named("revenue:" + currency.getCurrencyCode() + ":" + service + "#" + shard);
  }

  @Override
  public String toString() {
    return "OperatorAccounts[" + currency + ", " + revenueShards + " revenue shards]";
  }
}
