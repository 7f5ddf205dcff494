package dev.idsettle.sales;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.sales.PurchaseResult.PurchasePending;
import dev.idsettle.sales.PurchaseResult.PurchaseRefused;
import dev.idsettle.sales.PurchaseResult.Purchased;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sells ID numbers online (seed 001, claims 1, 2, 3, 5, 6, 8): shows the denominations, checks the
 * buyer with the {@link PaymentGateway}, reserves an ID of the chosen denomination, authorizes the
 * price, captures it once the ID is reserved, and delivers the ID activated for its value; the
 * price, the gateway's commission and the operator's payout are ledger transfers.
 *
 * <pre>{@code
 * SalesDesk desk = SalesDesk.builder(settle, bank, MemorySaleRecords.create())
 *     .deskKey(secret32Bytes)
 *     .denomination(new Denomination("talk-20", Denomination.Kind.TALK_TIME,
 *         Money.of(2000, "EUR"), Money.of(2000, "EUR"), "20 euros of talk time"))
 *     .build();
 * desk.stock("talk-20", 100);
 * PurchaseResult r = desk.purchase(new PurchaseRequest("order-1", "talk-20",
 *     new SimulatedBank.Credential("alice", "secret"), "4321"));
 * }</pre>
 *
 * <p><b>Idempotency</b> (as Stripe defines it): a purchase retried with the same key returns the
 * first answer, refusals included, and charges once; the same key with another order (another
 * denomination or buyer) is refused with {@link PurchaseRefusal#KEY_REUSED}. A purchase whose
 * gateway or store did not answer is {@link PurchasePending}: retry it with the same key, or let
 * {@link #recover()} finish it. <b>Recovery</b> undoes an order left before its capture (voids the
 * authorization, puts the ID back in stock) and finishes one left after it (delivers, or refunds if
 * delivery is refused for good), exactly once: every step is recorded before it is taken and every
 * call repeated with the same key. No ID is ever sold twice: a stock entry is reserved for one
 * order atomically, and the ledger refuses a second activation of an ID.
 *
 * <p>Thread-safe; several desks (processes) may share one {@link SaleRecords} and ledger.
 */
public final class SalesDesk {
  /** The longest idempotency key. */
  public static final int MAX_KEY = 100;

  private final IdSettle settle;
  private final PaymentGateway gateway;
  private final SaleRecords records;
  private final Secrets secrets;
  private final PinHasher pins;
  private final Clock clock;
  private final Duration recoveryGrace;
  private final Duration lockFor;
  private final Map<String, Denomination> denominations;
  private final Saga saga;
  private final Refunds refunds;
  private final CheckUrls checks;
  private final String checkBaseUrl;

  private SalesDesk(Builder b, byte[] key) {
    this.settle = b.settle;
    this.gateway = b.gateway;
    this.records = b.records;
    this.secrets = new Secrets(key);
    this.pins = new PinHasher(b.pinCost);
    this.clock = b.clock;
    this.recoveryGrace = b.recoveryGrace;
    this.lockFor = b.lockFor;
    this.denominations = Collections.unmodifiableMap(new LinkedHashMap<>(b.denominations));
    this.checkBaseUrl = b.checkBaseUrl;
    Books books = new Books(settle.ledger(), settle.currency(), b.deskId);
    this.saga =
        new Saga(
            records,
            gateway,
            secrets,
            books,
            settle.terminal("sales-" + b.deskId),
            clock,
            settle.currency(),
            b.gatewayAttempts,
            this::denomination);
    this.refunds = new Refunds(records, saga, books, settle, clock, this::denomination);
    this.checks = new CheckUrls(records, saga, pins, clock, b.maxPinGuesses, b.lockFor);
  }

  /** Starts configuring a desk that sells IDs of {@code settle} through {@code gateway}. */
  public static Builder builder(IdSettle settle, PaymentGateway gateway, SaleRecords records) {
    return new Builder(settle, gateway, records);
  }

  /** The denominations on sale, in the order configured. */
  public List<Denomination> denominations() {
    return new ArrayList<>(denominations.values());
  }

  /** How many IDs of {@code denomination} are left for sale. */
  public int available(String denomination) {
    return records.available(denomination(denomination).code());
  }

  /**
   * Issues {@code count} new IDs of {@code denomination} and puts them in stock (sealed under the
   * desk's key: the numbers are kept nowhere in the clear). They stay issued, not spendable, until
   * a sale activates them.
   */
  public void stock(String denomination, int count) {
    Denomination d = denomination(denomination);
    if (count < 1 || count > 100_000) {
      throw new InvalidRequestException("count must be 1 to 100000, was " + count);
    }
    List<StockEntry> entries = new ArrayList<>(count);
    for (IdNumber id : settle.issuer().issue(count, ExpiryPolicy.never()).ids()) {
      String stockId = UUID.randomUUID().toString();
      entries.add(
          new StockEntry(stockId, d.code(), secrets.seal(stockId, id), StockState.AVAILABLE, null));
    }
    records.addStock(entries);
  }

  /** Buys one ID; see the class comment for retries, refusals and pending answers. */
  public PurchaseResult purchase(PurchaseRequest request) {
    Args.notNull(request, "request");
    Denomination d = denomination(request.denomination());
    String key = request.idempotencyKey();
    String fingerprint = Secrets.sha256Hex(d.code() + "\n" + request.credential().subject());
    Optional<SaleOrder> existing = records.order(key);
    if (existing.isPresent()) {
      return resume(existing.get(), fingerprint);
    }
    GatewayResult member = gateway.checkMember(request.credential(), d.price(), key + ":check");
    if (member instanceof GatewayTimeout) {
      return new PurchasePending(key, "member check");
    }
    boolean ok = member instanceof Approved;
    String buyer = ok ? ((Approved) member).reference() : request.credential().subject();
    SaleOrder order =
        new SaleOrder(
            key,
            fingerprint,
            d.code(),
            SaleState.CHECKED,
            buyer,
            null,
            null,
            null,
            d.price().minor(),
            0,
            null,
            ok ? pins.hash(request.pin()) : "none",
            Secrets.sha256Hex(secrets.token(key)),
            null,
            0,
            0,
            clock.instant(),
            clock.instant(),
            0);
    if (member instanceof Declined declined) {
      order = order.refused(Saga.refusalFor(declined.reason()), clock.instant());
    }
    if (!records.insertOrder(order)) {
      return resume(records.order(key).orElseThrow(), fingerprint);
    }
    return answer(saga.drive(order, false));
  }

  private PurchaseResult resume(SaleOrder order, String fingerprint) {
    if (!order.fingerprint().equals(fingerprint)) {
      return new PurchaseRefused(order.key(), PurchaseRefusal.KEY_REUSED);
    }
    return answer(saga.drive(order, false));
  }

  private PurchaseResult answer(SaleOrder o) {
    return switch (o.state()) {
      case DELIVERED, REFUNDING, REFUNDED -> {
        Denomination d = denomination(o.denomination());
        yield new Purchased(
            o.key(), d.code(), saga.idOf(o), d.value(), d.price(), secrets.token(o.key()));
      }
      case REFUSED ->
          new PurchaseRefused(
              o.key(), o.refusal() == null ? PurchaseRefusal.ABANDONED : o.refusal());
      case DELIVERY_REFUNDED ->
          new PurchaseRefused(o.key(), PurchaseRefusal.DELIVERY_FAILED_REFUNDED);
      default -> new PurchasePending(o.key(), o.state().name());
    };
  }

  /**
   * Refunds the ID sold under {@code orderKey}: takes back what is still unspent on it (closing it)
   * and returns the price to the buyer in that proportion. {@code refundKey} makes it idempotent.
   */
  public RefundResult refund(String orderKey, String refundKey) {
    Args.text(orderKey, "orderKey", MAX_KEY);
    Args.text(refundKey, "refundKey", MAX_KEY);
    return refunds.refund(orderKey, refundKey);
  }

  /**
   * The check URL (claims 3, 6, 8): with the right PIN, the ID sold under {@code token} again. An
   * unknown token, a locked one and a wrong PIN get the one answer {@link CheckResult.NotShown}, in
   * the same time; wrong PINs lock the token for a while after the configured number.
   */
  public CheckResult check(String token, String pin) {
    Args.notNull(token, "token");
    Args.notNull(pin, "pin");
    if (token.length() > 200 || pin.length() > 64) {
      return CheckResult.NotShown.INSTANCE;
    }
    return checks.check(token, pin);
  }

  /** The check URL of {@code token}: the configured base followed by the token. */
  public String checkUrl(String token) {
    return checkBaseUrl + Args.notNull(token, "token");
  }

  /**
   * One recovery pass over orders unchanged for the grace period: those before their capture are
   * undone, those after it finished. Safe to run from several processes and beside live traffic.
   */
  public RecoveryReport recover() {
    int completed = 0;
    int undone = 0;
    int left = 0;
    for (SaleOrder o : records.unfinished(clock.instant().minus(recoveryGrace), 1_000)) {
      SaleOrder after = saga.drive(o, true);
      if (!after.state().finished()) {
        left++;
      } else if (after.state() == SaleState.REFUSED) {
        undone++;
      } else {
        completed++;
      }
    }
    return new RecoveryReport(completed, undone, left);
  }

  /**
   * Forgets the wrong-PIN counts of check URLs that no one tried for the lock period and that are
   * not locked (run it now and then, as {@link #recover()}): the guess records then hold only
   * recent guessing. A guesser who waits that long between tries gains nothing a lock would not
   * give them anyway.
   *
   * @return how many check tokens' counts were forgotten
   */
  public int purgeGuesses() {
    return records.purgeGuesses(clock.instant().minus(lockFor));
  }

  /** The unspent balance of the ID sold under {@code orderKey}, for the operator. */
  public Optional<Money> balance(String orderKey) {
    Optional<SaleOrder> o = records.order(Args.text(orderKey, "orderKey", MAX_KEY));
    if (o.isEmpty() || o.get().stockId() == null) {
      return Optional.empty();
    }
    return settle.account(saga.idOf(o.get())).map(a -> Money.of(a.posted(), settle.currency()));
  }

  private Denomination denomination(String code) {
    Denomination d = denominations.get(Args.notNull(code, "denomination"));
    if (d == null) {
      throw new InvalidRequestException("denomination " + code + " is not on sale here");
    }
    return d;
  }

  /** Configures a {@link SalesDesk}; validated at {@link #build()}, naming the field at fault. */
  public static final class Builder {
    private final IdSettle settle;
    private final PaymentGateway gateway;
    private final SaleRecords records;
    private byte[] deskKey = new byte[0];
    private String deskId = "web";
    private Clock clock = Clock.systemUTC();
    private PinCost pinCost = PinCost.DEFAULT;
    private int maxPinGuesses = 5;
    private Duration lockFor = Duration.ofMinutes(15);
    private Duration recoveryGrace = Duration.ofMinutes(5);
    private int gatewayAttempts = 3;
    private String checkBaseUrl = "/check/";
    private final Map<String, Denomination> denominations = new LinkedHashMap<>();

    private Builder(IdSettle settle, PaymentGateway gateway, SaleRecords records) {
      this.settle = setting(settle, "settle");
      this.gateway = setting(gateway, "gateway");
      this.records = setting(records, "records");
    }

    /** The desk's secret (at least 32 bytes): seals stocked IDs, derives check tokens. */
    public Builder deskKey(byte[] key) {
      this.deskKey = setting(key, "deskKey").clone();
      return this;
    }

    /** The desk's name (default "web"): names its ledger accounts and its terminal. */
    public Builder deskId(String id) {
      this.deskId = setting(id, "deskId");
      return this;
    }

    /** The clock (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = setting(clock, "clock");
      return this;
    }

    /** The Argon2id cost of PIN hashes (default {@link PinCost#DEFAULT}). */
    public Builder pinCost(PinCost cost) {
      this.pinCost = setting(cost, "pinCost");
      return this;
    }

    /** How many wrong PINs lock a check URL (default 5), and for how long (default 15 min). */
    public Builder pinLockout(int maxGuesses, Duration lockFor) {
      this.maxPinGuesses = maxGuesses;
      this.lockFor = setting(lockFor, "lockFor");
      return this;
    }

    /** How long an order must be left unchanged before recovery touches it (default 5 min). */
    public Builder recoveryGrace(Duration grace) {
      this.recoveryGrace = setting(grace, "recoveryGrace");
      return this;
    }

    /** How often a gateway call that timed out is repeated in line (default 3 calls in all). */
    public Builder gatewayAttempts(int attempts) {
      this.gatewayAttempts = attempts;
      return this;
    }

    /** What check URLs start with (default "/check/"). */
    public Builder checkBaseUrl(String base) {
      this.checkBaseUrl = setting(base, "checkBaseUrl");
      return this;
    }

    /** Puts a denomination on sale. */
    public Builder denomination(Denomination d) {
      setting(d, "denomination");
      if (!d.value().currency().equals(settle.currency())) {
        throw new InvalidConfigurationException(
            "denomination " + d.code() + " must be in " + settle.currency());
      }
      denominations.put(d.code(), d);
      return this;
    }

    /** Builds; throws {@link InvalidConfigurationException} naming the first bad setting. */
    public SalesDesk build() {
      if (deskKey.length < 32) {
        throw new InvalidConfigurationException(
            "deskKey must be at least 32 secret bytes, has " + deskKey.length);
      }
      if (!deskId.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new InvalidConfigurationException("deskId must be 1 to 40 letters, digits, - or _");
      }
      if (maxPinGuesses < 1 || maxPinGuesses > 100) {
        throw new InvalidConfigurationException(
            "maxGuesses must be 1 to 100, was " + maxPinGuesses);
      }
      if (lockFor.isNegative() || lockFor.isZero() || recoveryGrace.isNegative()) {
        throw new InvalidConfigurationException(
            "lockFor must be positive, recoveryGrace not negative");
      }
      if (gatewayAttempts < 1 || gatewayAttempts > 10) {
        throw new InvalidConfigurationException(
            "gatewayAttempts must be 1 to 10, was " + gatewayAttempts);
      }
      if (denominations.isEmpty()) {
        throw new InvalidConfigurationException("denominations: put at least one on sale");
      }
      return new SalesDesk(this, deskKey);
    }

    private static <T> T setting(T value, String field) {
      if (value == null) {
        throw new InvalidConfigurationException(field + " must not be null");
      }
      return value;
    }
  }
}
