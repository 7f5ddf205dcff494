package dev.idsettle.roles;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import dev.idsettle.spi.LedgerStore;
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

  /**
   * Configures {@link IdSettle}: the setters of {@link IdSettleSettings}, each returning this
   * builder; validated at {@link #build()}, naming the field at fault.
   */
  public static final class Builder extends IdSettleSettings {
    private Builder(LedgerStore store) {
      super(store);
    }

    @Override
    Builder self() {
      return this;
    }

    /** Builds; throws {@link InvalidConfigurationException} naming the first bad setting. */
    public IdSettle build() {
      return new IdSettle(this, ledger(), maxActivation(), budgets);
    }
  }
}
