package dev.idsettle.roles;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.internal.UnknownIdThrottle;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.GroupCommitListener;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import dev.idsettle.spi.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: the roles of a prepaid ID system over one ledger store.
 *
 * <pre>{@code
 * IdSettle settle = IdSettle.builder(MemoryStore.create())
 *     .issuerKey(key)                      // 32+ secret bytes: IDs are stored as HMACs under it
 *     .currency(Currency.getInstance("EUR"))
 *     .build();
 * IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
 * settle.terminal("till-1").activate(id, Money.of(2000, "EUR"), "sale-42");
 * settle.authenticator(new Service("phone", Money.of(300, "EUR")), "kiosk-9") // a handle per terminal
 *     .authorize(new AuthorizationRequest(id, Money.of(150, "EUR"), "kiosk-9", "req-1"));
 * }</pre>
 *
 * Thread-safe.
 */
public final class IdSettle implements AutoCloseable {
  /** How many ID-hash to account mappings are cached by default, over a store with a connection. */
  public static final long DEFAULT_ACCOUNT_CACHE_SIZE = 1_000_000;

  /** The default largest activation, in minor units: 10 000.00 in a currency with cents. */
  public static final long DEFAULT_MAX_ACTIVATION_MINOR = 1_000_000;

  /** The longest page of {@link #journal}. */
  public static final int MAX_JOURNAL_PAGE = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(IdSettle.class);

  final Ledger ledger;
  final IdHasher hasher;
  final Currency currency;
  final UnknownIdThrottle throttle;
  final Guard guard;
  final IdResolver resolver;
  final IdNumberGenerator generator;
  final Money maxActivation;
  private final List<LowBalanceListener> listeners = new CopyOnWriteArrayList<>();
  private final OperatorAccounts operatorAccounts;
  private final OperatorAccountsMade made;

  private IdSettle(Builder b, Ledger ledger, Money maxActivation, GuessingBudgets budgets) {
    this.ledger = ledger;
    this.maxActivation = maxActivation;
    this.hasher = new IdHasher(Objects.requireNonNull(b.issuerKey));
    this.currency = Objects.requireNonNull(b.currency);
    this.throttle =
        new UnknownIdThrottle(budgets.perSource(), budgets.window(), b.clock, Guard.REGISTRY_BYTES);
    this.guard = new Guard(budgets, b.clock);
    this.generator = IdNumberGenerator.secure(b.format);
    long cacheSize =
        b.accountCacheSize != null
            ? b.accountCacheSize
            : ledger.store().readsAreLocal() ? 0 : DEFAULT_ACCOUNT_CACHE_SIZE;
    this.resolver = new IdResolver(ledger, hasher, cacheSize);
    this.operatorAccounts = OperatorAccounts.of(ledger.store(), currency);
    this.made = new OperatorAccountsMade(ledger, currency);
  }

  /** Starts configuring idsettle over {@code store}. */
  public static Builder builder(LedgerStore store) {
    return new Builder(store);
  }

  /**
   * The issuer of new ID numbers. Cheap (no store call); the handle is thread-safe and may be kept
   * and shared.
   */
  public Issuer issuer() {
    return new DefaultIssuer(this);
  }

  /**
   * The settlement terminal {@code terminalId}. Cheap: no store call; the terminal's cash account
   * is created by its first activation or reversal, once per process. The handle is thread-safe and
   * may be kept and shared; two handles of one terminal id are the same terminal.
   *
   * @throws InvalidRequestException if {@code terminalId} is not 1 to 60 characters
   */
  public SettlementTerminal terminal(String terminalId) {
    return new DefaultSettlementTerminal(this, terminalId);
  }

  /**
   * The authentication device of {@code service}. Cheap: no store call; the service's revenue
   * accounts are created by its first authorization, once per process, in one store transaction.
   * The handle is thread-safe and may be kept and shared; two handles of one service are the same
   * device, and one source of guesses for every request through them: give each terminal its own
   * handle with {@link #authenticator(Service, String)} instead.
   *
   * @throws InvalidRequestException if the service's reference amount is not in the ledger's
   *     currency
   */
  public SettlementAuthenticator authenticator(Service service) {
    return new DefaultSettlementAuthenticator(this, service, null, null);
  }

  /**
   * The authentication device of {@code service} at one source (a terminal, a client): its own
   * guessing budget, spent by no other handle, and its own references (a debit's transfer id is
   * derived from {@code source} and the request's reference, so no other source can use one up).
   * Give each terminal its own such handle and keep it. Cheap, as {@link #authenticator(Service)}.
   *
   * @throws InvalidRequestException if {@code source} is not 1 to 60 characters without control
   *     characters, or as {@link #authenticator(Service)}
   */
  public SettlementAuthenticator authenticator(Service service, String source) {
    Checks.text(source, "source", AuthorizationRequest.MAX_TERMINAL);
    return new DefaultSettlementAuthenticator(this, service, null, source);
  }

  /**
   * The look-up of ID numbers for the sessions of {@code service} at {@code source} (a metering
   * engine), under the guessing budgets of the authenticator of that service and source ({@link
   * #authenticator(Service, String)}). Cheap: no store call.
   *
   * @throws InvalidRequestException if {@code service} is not a valid service name or {@code
   *     source} is not 1 to 60 characters without control characters
   */
  public IdGate gate(String service, String source) {
    Checks.text(service, "service", Service.MAX_NAME);
    Checks.text(source, "source", AuthorizationRequest.MAX_TERMINAL);
    return new IdGate(this, service, source);
  }

  /** Registers a listener for low-balance events. */
  public void addLowBalanceListener(LowBalanceListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
  }

  /** Registers a listener told when a guessing budget is spent (for monitoring). */
  public void addThrottleListener(ThrottleListener listener) {
    guard.addListener(listener);
  }

  /** The ledger underneath, for reports and operator tools. */
  public Ledger ledger() {
    return ledger;
  }

  /**
   * The names of the operator's accounts the roles post to (a terminal's cash, a service's
   * revenue), for modules that post to them or read them. Cheap; no store call.
   */
  public OperatorAccounts operatorAccounts() {
    return operatorAccounts;
  }

  /** The ledger's currency. */
  public Currency currency() {
    return currency;
  }

  /** The account of {@code id}, if it was issued. */
  public Optional<Account> account(IdNumber id) {
    Checks.notNull(id, "id");
    return ledger.accountByIdHash(hasher.hash(id));
  }

  /**
   * What the IDs have paid service {@code serviceName} so far: the sum of its revenue accounts
   * (zero before its first authorization). An operator's report, not a request-path call: it reads
   * the service's {@link OperatorAccounts#revenueShards()} revenue accounts, in one store call
   * where the store can (one on a SQLite file, 256 on the other stores).
   *
   * @throws InvalidRequestException if the name is not a valid service name
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  public Money revenue(String serviceName) {
    Checks.text(serviceName, "serviceName", Service.MAX_NAME);
    long total = 0;
    for (Account a : ledger.accounts(operatorAccounts.revenueAccounts(serviceName)).values()) {
      total = Math.addExact(total, a.posted());
    }
    return Money.of(total, currency);
  }

  /**
   * The cash terminal {@code terminalId} has taken: what its activations put on IDs, less what its
   * reversals took back (zero before its first activation). What the till's drawer should hold for
   * ID sales.
   *
   * @throws InvalidRequestException if the id is not a valid terminal id
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  public Money cash(String terminalId) {
    Checks.text(terminalId, "terminalId", AuthorizationRequest.MAX_TERMINAL);
    Optional<Account> a = ledger.account(operatorAccounts.cash(terminalId));
    // the cash account is debited by every sale: its balance is minus what was taken
    return Money.of(a.isPresent() ? Math.negateExact(a.get().posted()) : 0, currency);
  }

  /**
   * A page of the journal of {@code id}, oldest first: every transfer of its account, applied or
   * refused (a refused one moved nothing and says why). Empty for an ID never issued, and past the
   * last page. Page with {@code offset += limit} until a page is shorter than {@code limit}.
   *
   * @param offset how many entries to skip, at least 0
   * @param limit at most how many to return, 1 to {@value #MAX_JOURNAL_PAGE}
   * @throws InvalidRequestException if an argument is out of range
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  public List<Transfer> journal(IdNumber id, int offset, int limit) {
    Checks.notNull(id, "id");
    if (offset < 0) {
      throw Checks.invalid("offset", offset, "must not be negative");
    }
    if (limit < 1 || limit > MAX_JOURNAL_PAGE) {
      throw Checks.invalid("limit", limit, "must be between 1 and " + MAX_JOURNAL_PAGE);
    }
    AccountId account = resolve(id);
    return account == null ? List.of() : ledger.transfers(account, offset, limit);
  }

  /** The account id of {@code id}, or null if it was not issued (see {@link IdResolver}). */
  @Nullable AccountId resolve(IdNumber id) {
    return resolver.resolve(id);
  }

  /** The account ids of {@code ids} that exist. */
  Map<IdNumber, AccountId> resolve(Collection<IdNumber> ids) {
    return resolver.resolve(ids);
  }

  /** See {@link OperatorAccountsMade#ensure}. */
  void ensureOperatorAccounts(String owner, List<AccountId> ids) {
    made.ensure(owner, ids);
  }

  void fire(List<LowBalanceEvent> events) {
    for (LowBalanceEvent event : events) {
      for (LowBalanceListener l : new ArrayList<>(listeners)) {
        try {
          l.onLowBalance(event);
        } catch (RuntimeException e) {
          LOG.warn("low-balance listener failed for {}", event.id(), e);
        }
      }
    }
  }

  /** Stops the group-commit thread, if any. The store is the caller's to close. */
  @Override
  public void close() {
    ledger.close();
  }

  /** Configures {@link IdSettle}; validated at {@link #build()}, naming the field at fault. */
  public static final class Builder {
    private final LedgerStore store;
    private byte[] issuerKey = new byte[0];
    private Currency currency = Currency.getInstance("EUR");
    private Clock clock = Clock.systemUTC();
    private IdNumberFormat format = IdNumberFormat.DEFAULT;
    private GuessingBudgets budgets = GuessingBudgets.DEFAULT;
    private @Nullable Money maxBalance;
    private @Nullable Long accountCacheSize;
    private @Nullable Long accountImages;
    private int groupCommit;
    private GroupCommitListener groupCommitListener = GroupCommitListener.NONE;
    private @Nullable Money maxActivationAmount;

    private Builder(LedgerStore store) {
      this.store = Checks.settingNotNull(store, "store");
    }

    /** The issuer's secret key (at least 32 bytes): ID numbers are stored as HMACs under it. */
    public Builder issuerKey(byte[] key) {
      this.issuerKey = Checks.settingNotNull(key, "issuerKey").clone();
      return this;
    }

    /** The currency of IDs and amounts (default EUR). */
    public Builder currency(Currency currency) {
      this.currency = Checks.settingNotNull(currency, "currency");
      return this;
    }

    /** The clock (default system UTC); tests pass one they can move. */
    public Builder clock(Clock clock) {
      this.clock = Checks.settingNotNull(clock, "clock");
      return this;
    }

    /** The shape of new ID numbers (default 16 digits). */
    public Builder idFormat(IdNumberFormat format) {
      this.format = Checks.settingNotNull(format, "format");
      return this;
    }

    /**
     * How many attempts with unusable IDs one source may make per window before it is throttled:
     * {@link #guessingBudgets} with the other budgets unchanged.
     *
     * @throws InvalidConfigurationException naming {@code unknownIdLimit} if out of range
     */
    public Builder unknownIdLimit(int limit, Duration window) {
      if (limit < 1) {
        throw Checks.invalidSetting("unknownIdLimit", limit, "must be at least 1");
      }
      this.budgets = new GuessingBudgets(limit, budgets.perService(), budgets.global(), window);
      return this;
    }

    /**
     * The guessing defence (default {@link GuessingBudgets#DEFAULT}). An attempt with an ID number
     * never issued, or issued and not sold, is a miss; it is answered {@link
     * DenialReason#UNKNOWN_ID} (the two are never told apart) while every budget it counts in has
     * room, and {@link DenialReason#THROTTLED} otherwise. A handle whose own budget is spent is
     * refused everything until its window ends; once a service's or the global budget is spent, the
     * handles that made a miss in their window are refused everything, those that made none are
     * still served. Each spent budget raises a {@link ThrottledEvent}.
     */
    public Builder guessingBudgets(GuessingBudgets budgets) {
      this.budgets = Checks.settingNotNull(budgets, "guessingBudgets");
      return this;
    }

    /**
     * The largest balance an ID may hold (default: no limit besides the activation's). The ledger
     * refuses any transfer that would credit an ID beyond it ({@link
     * dev.idsettle.ledger.Refusal#BALANCE_LIMIT}), whatever the path.
     */
    public Builder maxBalance(Money max) {
      this.maxBalance = Checks.settingNotNull(max, "maxBalance");
      return this;
    }

    /**
     * How many ID-hash to account mappings to cache; 0 turns the cache off. By default {@value
     * #DEFAULT_ACCOUNT_CACHE_SIZE}, or none over a store whose reads are local ({@link
     * LedgerStore#readsAreLocal()}), where a cache would only add a look-up.
     */
    public Builder accountCacheSize(long size) {
      this.accountCacheSize = size;
      return this;
    }

    /**
     * How many account images the ledger remembers, to spare a store that takes them (PostgreSQL)
     * the locked read of an account it saw committed; 0 turns this off. By default {@value
     * Ledger#DEFAULT_ACCOUNT_IMAGES} over such a store ({@link LedgerStore#takesBelievedImages()}),
     * none over others. See {@link Ledger.Builder#accountImages}.
     */
    public Builder accountImages(long count) {
      this.accountImages = count;
      return this;
    }

    /**
     * The largest amount one activation may put on an ID (default {@value
     * #DEFAULT_MAX_ACTIVATION_MINOR} minor units of the currency); a larger one is denied with
     * {@link DenialReason#INVALID_AMOUNT}. Since an activation credits an ID that holds nothing,
     * this also caps the balance an ID reaches through the roles. Many countries cap prepaid
     * instruments by law: set your rule here.
     */
    public Builder maxActivationAmount(Money max) {
      this.maxActivationAmount = Checks.settingNotNull(max, "maxActivationAmount");
      return this;
    }

    /**
     * Group commit: concurrent requests from any number of threads are combined into one store
     * transaction of at most {@code maxCommands} commands while the previous one commits (no added
     * wait when idle). Turn it on for a store with a round trip per call (JDBC); 0, the default,
     * turns it off. Outcomes, order and idempotency are those of separate calls.
     */
    public Builder groupCommit(int maxCommands) {
      this.groupCommit = maxCommands;
      return this;
    }

    /**
     * Told of every store transaction group commit makes, with how many callers' batches and
     * commands it combined (default: nobody); for metrics. Used only while {@link #groupCommit} is
     * on.
     */
    public Builder groupCommitListener(GroupCommitListener listener) {
      this.groupCommitListener = Checks.settingNotNull(listener, "groupCommitListener");
      return this;
    }

    /** Builds; throws {@link InvalidConfigurationException} naming the first bad setting. */
    public IdSettle build() {
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
      Money maxActivation =
          maxActivationAmount != null
              ? maxActivationAmount
              : Money.of(DEFAULT_MAX_ACTIVATION_MINOR, currency);
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
            "accountCacheSize must not be negative (0 turns the cache off), was "
                + accountCacheSize);
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
      return new IdSettle(this, ledger.build(), maxActivation, budgets);
    }
  }
}
