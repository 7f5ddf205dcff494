package dev.idsettle.roles;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.ledger.GroupCommitListener;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.money.Money;
import dev.idsettle.spi.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The settings of {@link IdSettle.Builder} and their checks: the builder's setters live here, apart
 * from the facade, and are the builder's own to its callers (each returns the {@link
 * IdSettle.Builder}). Validated at {@link IdSettle.Builder#build()}, naming the field at fault.
 */
abstract class IdSettleSettings {

  final LedgerStore store;
  byte[] issuerKey = new byte[0];
  Currency currency = Currency.getInstance("EUR");
  Clock clock = Clock.systemUTC();
  IdNumberFormat format = IdNumberFormat.DEFAULT;
  GuessingBudgets budgets = GuessingBudgets.DEFAULT;
  @Nullable Money maxBalance;
  @Nullable Long accountCacheSize;
  @Nullable Long accountImages;
  int groupCommit;
  GroupCommitListener groupCommitListener = GroupCommitListener.NONE;
  @Nullable Money maxActivationAmount;

  IdSettleSettings(LedgerStore store) {
    this.store = Checks.settingNotNull(store, "store");
  }

  /** This builder, as what the setters return. */
  abstract IdSettle.Builder self();

  /** The issuer's secret key (at least 32 bytes): ID numbers are stored as HMACs under it. */
  public IdSettle.Builder issuerKey(byte[] key) {
    this.issuerKey = Checks.settingNotNull(key, "issuerKey").clone();
    return self();
  }

  /** The currency of IDs and amounts (default EUR). */
  public IdSettle.Builder currency(Currency currency) {
    this.currency = Checks.settingNotNull(currency, "currency");
    return self();
  }

  /** The clock (default system UTC); tests pass one they can move. */
  public IdSettle.Builder clock(Clock clock) {
    this.clock = Checks.settingNotNull(clock, "clock");
    return self();
  }

  /** The shape of new ID numbers (default 16 digits). */
  public IdSettle.Builder idFormat(IdNumberFormat format) {
    this.format = Checks.settingNotNull(format, "format");
    return self();
  }

  /**
   * How many attempts with unusable IDs one source may make per window before it is throttled:
   * {@link #guessingBudgets} with the other budgets unchanged.
   *
   * @throws InvalidConfigurationException naming {@code unknownIdLimit} if out of range
   */
  public IdSettle.Builder unknownIdLimit(int limit, Duration window) {
    if (limit < 1) {
      throw Checks.invalidSetting("unknownIdLimit", limit, "must be at least 1");
    }
    this.budgets = new GuessingBudgets(limit, budgets.perService(), budgets.global(), window);
    return self();
  }

  /**
   * The guessing defence (default {@link GuessingBudgets#DEFAULT}). An attempt with an ID number
   * never issued, or issued and not sold, is a miss; it is answered {@link DenialReason#UNKNOWN_ID}
   * (the two are never told apart) while every budget it counts in has room, and {@link
   * DenialReason#THROTTLED} otherwise. A handle whose own budget is spent is refused everything
   * until its window ends; once a service's or the global budget is spent, the handles that made a
   * miss in their window are refused everything, those that made none are still served. Each spent
   * budget raises a {@link ThrottledEvent}.
   */
  public IdSettle.Builder guessingBudgets(GuessingBudgets budgets) {
    this.budgets = Checks.settingNotNull(budgets, "guessingBudgets");
    return self();
  }

  /**
   * The largest balance an ID may hold (default: no limit besides the activation's). The ledger
   * refuses any transfer that would credit an ID beyond it ({@link
   * dev.idsettle.ledger.Refusal#BALANCE_LIMIT}), whatever the path.
   */
  public IdSettle.Builder maxBalance(Money max) {
    this.maxBalance = Checks.settingNotNull(max, "maxBalance");
    return self();
  }

  /**
   * How many ID-hash to account mappings to cache; 0 turns the cache off. By default {@value
   * IdSettle#DEFAULT_ACCOUNT_CACHE_SIZE}, or none over a store whose reads are local ({@link
   * LedgerStore#readsAreLocal()}), where a cache would only add a look-up.
   */
  public IdSettle.Builder accountCacheSize(long size) {
    this.accountCacheSize = size;
    return self();
  }

  /**
   * How many account images the ledger remembers, to spare a store that takes them (PostgreSQL) the
   * locked read of an account it saw committed; 0 turns this off. By default {@value
   * Ledger#DEFAULT_ACCOUNT_IMAGES} over such a store ({@link LedgerStore#takesBelievedImages()}),
   * none over others. See {@link Ledger.Builder#accountImages}.
   */
  public IdSettle.Builder accountImages(long count) {
    this.accountImages = count;
    return self();
  }

  /**
   * The largest amount one activation may put on an ID (default {@value
   * #DEFAULT_MAX_ACTIVATION_MINOR} minor units of the currency); a larger one is denied with {@link
   * DenialReason#INVALID_AMOUNT}. Since an activation credits an ID that holds nothing, this also
   * caps the balance an ID reaches through the roles. Many countries cap prepaid instruments by
   * law: set your rule here.
   */
  public IdSettle.Builder maxActivationAmount(Money max) {
    this.maxActivationAmount = Checks.settingNotNull(max, "maxActivationAmount");
    return self();
  }

  /**
   * Group commit: concurrent requests from any number of threads are combined into one store
   * transaction of at most {@code maxCommands} commands while the previous one commits (no added
   * wait when idle). Turn it on for a store with a round trip per call (JDBC); 0, the default,
   * turns it off. Outcomes, order and idempotency are those of separate calls.
   */
  public IdSettle.Builder groupCommit(int maxCommands) {
    this.groupCommit = maxCommands;
    return self();
  }

  /**
   * Told of every store transaction group commit makes, with how many callers' batches and commands
   * it combined (default: nobody); for metrics. Used only while {@link #groupCommit} is on.
   */
  public IdSettle.Builder groupCommitListener(GroupCommitListener listener) {
    this.groupCommitListener = Checks.settingNotNull(listener, "groupCommitListener");
    return self();
  }

  /**
   * Checks every setting and builds the ledger; throws {@link InvalidConfigurationException} naming
   * the first bad setting.
   */
  final Ledger ledger() {
    if (issuerKey.length < IdHasher.MIN_KEY_BYTES) {
      throw new InvalidConfigurationException(
          "issuerKey must be set to at least "
              + IdHasher.MIN_KEY_BYTES
              + " secret bytes (it keys the hashes ID numbers are stored under), has "
              + issuerKey.length);
    }
    int period = IdHasher.shortestPeriod(issuerKey);
    if (period <= IdHasher.MAX_WEAK_PERIOD) {
      throw new InvalidConfigurationException(
          "issuerKey looks like no key: it repeats a pattern of "
              + period
              + " byte(s); draw it from a SecureRandom");
    }
    Money maxActivation = maxActivation();
    if (maxActivation.minor() < 1 || !maxActivation.currency().equals(currency)) {
      throw Checks.invalidSetting(
          "maxActivationAmount", maxActivation, "must be positive and in " + currency);
    }
    Money cap = maxBalance;
    if (cap != null && (cap.minor() < 1 || !cap.currency().equals(currency))) {
      throw Checks.invalidSetting("maxBalance", cap, "must be positive and in " + currency);
    }
    if (accountCacheSize != null && accountCacheSize < 0) {
      throw new InvalidConfigurationException(
          "accountCacheSize must not be negative (0 turns the cache off), was " + accountCacheSize);
    }
    if (groupCommit < 0) {
      throw new InvalidConfigurationException(
          "groupCommit must not be negative, was " + groupCommit);
    }
    Ledger.Builder ledger =
        Ledger.builder(store)
            .clock(clock)
            .groupCommit(groupCommit)
            .groupCommitListener(groupCommitListener);
    if (accountImages != null) {
      ledger.accountImages(accountImages);
    }
    if (cap != null) {
      ledger.maxIdBalance(cap.minor());
    }
    return ledger.build();
  }

  /** The largest activation: the one set, or the default's in the currency. */
  final Money maxActivation() {
    return maxActivationAmount != null
        ? maxActivationAmount
        : Money.of(IdSettle.DEFAULT_MAX_ACTIVATION_MINOR, currency);
  }
}
