package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.Exact;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.OpenRequest;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rating;
import dev.idsettle.metering.Rounding;
import dev.idsettle.metering.SessionAnswer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.LowBalanceEvent;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Claim 1 end to end: a sheet of IDs is issued, one is sold at a till, a service is used until the
 * low-balance warning and then the denial, an unknown ID is answered like an unsold one, a
 * timed-out activation is reversed, and a prepaid call is metered and cut at zero. Run it with
 * {@code mvn -B -q -pl samples exec:java} (after {@code mvn -B -q install -DskipTests}): it runs on
 * the embedded default, a SQLite file database, {@code samples/target/idsettle-demo/ledger.db}
 * ({@link DemoDatabase}). Every run issues new IDs and uses references tagged with a fresh run id,
 * so it can be repeated against the same file.
 */
public final class ClaimOneWalkthrough {
  private static final Money PRICE = Money.of(1000, "EUR");
  private static final Money CALL = Money.of(150, "EUR");
  private static final Money WARN_BELOW = Money.of(300, "EUR");
  private static final int SHEET = 6;
  private static final Path DEFAULT_FILE = Path.of("target", "idsettle-demo", "ledger.db");

  private final PrintStream out;
  private final IdSettle settle;
  private final SettlementTerminal till;
  private final SettlementAuthenticator phone;
  private final List<LowBalanceEvent> events = new CopyOnWriteArrayList<>();
  private final String run;

  private ClaimOneWalkthrough(PrintStream out, LedgerStore store) {
    this.out = out;
    SecureRandom random = new SecureRandom();
    byte[] issuerKey = new byte[32];
    random.nextBytes(issuerKey);
    byte[] runId = new byte[4];
    random.nextBytes(runId);
    this.run = HexFormat.of().formatHex(runId);
    this.settle = IdSettle.builder(store).issuerKey(issuerKey).build();
    this.till = settle.terminal("till-1");
    this.phone = settle.authenticator(new Service("phone", WARN_BELOW));
    settle.addLowBalanceListener(this::onLowBalance);
  }

  /**
   * What the walkthrough saw, for a test to check.
   *
   * @param sheet the issued IDs
   * @param activated the sale of the first ID
   * @param permits the permits of the service, in order
   * @param lowBalanceEvents the warnings the listener received
   * @param denial the denial that ended the service
   * @param unknownId the answer to a well-formed but never issued ID
   * @param unsoldId the answer to an issued but unsold ID
   * @param reversed the reversal of the timed-out activation
   * @param stateAfterReversal the reversed ID's state
   * @param retryAfterReversal the answer to a retry of the reversed activation's reference
   * @param meteredCall the record of a prepaid call metered until the balance ran out
   */
  public record Summary(
      List<IdNumber> sheet,
      Activated activated,
      List<Permit> permits,
      List<LowBalanceEvent> lowBalanceEvents,
      Denial denial,
      Denial unknownId,
      Denial unsoldId,
      Reversed reversed,
      AccountState stateAfterReversal,
      Denial retryAfterReversal,
      CallRecord meteredCall) {}

  /**
   * Runs the walkthrough on the SQLite file database {@code args[0]} (default {@code
   * target/idsettle-demo/ledger.db}), or with {@code --h2 FILE} on an H2 file database, printing to
   * standard output.
   */
  public static void main(String[] args) {
    boolean h2 = args.length > 0 && args[0].equals("--h2");
    int at = h2 ? 1 : 0;
    Path file = args.length > at ? Path.of(args[at]) : DEFAULT_FILE;
    try (DemoDatabase db = h2 ? DemoDatabase.openH2(file) : DemoDatabase.openSqlite(file)) {
      System.out.println(
          "Ledger: " + db.url() + (h2 ? " (H2 file" : " (SQLite file") + ", HikariCP, JdbcStore)");
      run(System.out, db.store());
    }
  }

  /** Runs the walkthrough on a fresh memory store, printing each step to {@code out}. */
  public static Summary run(PrintStream out) {
    return run(out, MemoryStore.create());
  }

  /**
   * Runs the walkthrough on {@code store}, printing each step to {@code out}. The store may hold
   * earlier runs: this one issues new IDs and tags its references with a fresh run id.
   */
  @SuppressWarnings("try") // closes the facade the walkthrough uses
  public static Summary run(PrintStream out, LedgerStore store) {
    ClaimOneWalkthrough walkthrough = new ClaimOneWalkthrough(out, store);
    try (IdSettle settle = walkthrough.settle) {
      return walkthrough.walk();
    }
  }

  private Summary walk() {
    List<IdNumber> sheet = issueSheet();
    Activated activated = sell(sheet.get(0));
    Usage usage = useUntilDenied(sheet.get(0));
    Denial unknown = tryUnknownId();
    Denial unsold = tryUnsoldId(sheet.get(1));
    IdNumber lostSale = sheet.get(2);
    Reversed reversed = reverseTimedOutActivation(lostSale);
    AccountState state = settle.account(lostSale).map(Account::state).orElseThrow();
    out.printf("     %s is %s again: it can be sold under a new reference%n", lostSale, state);
    Denial retry = expect(Denial.class, till.activate(lostSale, PRICE, ref("sale-0002")));
    show("till retries " + ref("sale-0002"), retry);
    CallRecord call = meterACallUntilZero(sheet.get(3));
    return new Summary(
        sheet,
        activated,
        usage.permits(),
        List.copyOf(events),
        usage.denial(),
        unknown,
        unsold,
        reversed,
        state,
        retry,
        call);
  }

  /**
   * A prepaid call metered in slices of 60 s (21 cents a minute billed 30/6, 5 cents to connect):
   * each report captures what was used and holds the next slice, until the balance runs out.
   */
  private CallRecord meterACallUntilZero(IdNumber id) {
    Money value = Money.of(50, "EUR");
    expect(Activated.class, till.activate(id, value, ref("sale-0003")));
    out.printf("6. %s sold for %s and used for a prepaid call, metered:%n", id, value);
    MeteringEngine calls =
        MeteringEngine.create(
            settle,
            new MeteredService(
                "prepaid-calls", 60, Duration.ofSeconds(90), 0, FailureHandling.terminate()));
    Rate rate =
        new Rate(
            "France 30/6",
            Exact.of(5),
            Exact.ZERO,
            List.of(
                Interval.perUnit(0, 30, Exact.of(21), 60),
                Interval.perUnit(30, 6, Exact.of(21), 60)));
    String call = ref("call-1");
    SessionAnswer answer =
        calls.open(
            new OpenRequest(
                call, id, Rating.of(rate, Rounding.UP, settle.currency()), "0800", "3314567****"));
    for (long seq = 1; answer instanceof SessionAnswer.Granted g; seq++) {
      out.printf(
          "     granted up to %d s (charged so far %s)%n",
          g.grantEnd(), Money.of(g.charged(), settle.currency()));
      // the caller talks on: each report is past the grant, which the engine counts as its end
      answer = calls.update(call, seq, g.grantEnd() + 30);
    }
    SessionAnswer.Ended end = expect(SessionAnswer.Ended.class, answer);
    out.printf("     %s after %d s; the ID holds %s%n", end.outcome(), end.units(), balance(id));
    CallRecord record = calls.records().find(call).orElseThrow();
    out.println("     " + record.charge().explain().replace("\n", "\n     "));
    return record;
  }

  private Money balance(IdNumber id) {
    return settle.account(id).orElseThrow().availableBalance();
  }

  /** The permits a service gave until it denied. */
  private record Usage(List<Permit> permits, Denial denial) {}

  private List<IdNumber> issueSheet() {
    List<IdNumber> sheet = settle.issuer().issue(SHEET, ExpiryPolicy.never()).ids();
    out.println("1. Issued a sheet of IDs (shown once, for printing; the store keeps only HMACs):");
    for (IdNumber id : sheet) {
      out.println("     " + id.formatted());
    }
    return sheet;
  }

  private Activated sell(IdNumber id) {
    Activated activated = expect(Activated.class, till.activate(id, PRICE, ref("sale-0001")));
    out.printf(
        "2. till-1 sold %s for %s (%s): balance %s%n",
        id, PRICE, ref("sale-0001"), activated.balance());
    return activated;
  }

  private Usage useUntilDenied(IdNumber id) {
    out.printf("3. The phone service debits %s per call; it warns below %s%n", CALL, WARN_BELOW);
    List<Permit> permits = new ArrayList<>();
    AuthorizationResult result = authorize(id, "call-1");
    while (result instanceof Permit permit) {
      permits.add(permit);
      out.printf(
          "     call %d permitted: balance %s%s%n",
          permits.size(),
          permit.balance(),
          permit.lowBalance() ? "  (low balance: warn user)" : "");
      result = authorize(id, "call-" + (permits.size() + 1));
    }
    Denial denial = expect(Denial.class, result);
    show("call " + (permits.size() + 1) + " denied", denial);
    return new Usage(List.copyOf(permits), denial);
  }

  private Denial tryUnknownId() {
    IdNumber neverIssued = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    out.println("4. A well-formed ID that was never issued, and an issued one not yet sold:");
    Denial denial = expect(Denial.class, authorize(neverIssued, "guess-1"));
    show("never issued", denial);
    return denial;
  }

  private Denial tryUnsoldId(IdNumber unsold) {
    Denial denial = expect(Denial.class, authorize(unsold, "guess-2"));
    show("issued, unsold", denial);
    return denial;
  }

  private Reversed reverseTimedOutActivation(IdNumber id) {
    Activated sold = expect(Activated.class, till.activate(id, PRICE, ref("sale-0002")));
    out.printf(
        "5. till-1 activated %s (%s, balance %s) but the answer was lost: reverse it%n",
        id, ref("sale-0002"), sold.balance());
    Reversed reversed = expect(Reversed.class, till.reverse(id, ref("sale-0002")));
    out.printf("     reversed: %s back to the till's cash%n", reversed.amount());
    return reversed;
  }

  private AuthorizationResult authorize(IdNumber id, String reference) {
    return phone.authorize(new AuthorizationRequest(id, CALL, "kiosk-7", ref(reference)));
  }

  /** {@code base} tagged with this run's id: references stay unique across runs on one store. */
  private String ref(String base) {
    return base + "/" + run;
  }

  private void onLowBalance(LowBalanceEvent event) {
    events.add(event);
    out.printf(
        "     LOW-BALANCE EVENT: %s has %s left on %s (reference %s)%n",
        event.id(), event.balance(), event.service(), event.reference());
  }

  private void show(String what, Denial denial) {
    out.printf(
        "     %s: typed reason %s%s | public: %s \"%s\"%n",
        what,
        denial.reason(),
        denial.balance() == null ? "" : " (balance " + denial.balance() + ")",
        denial.publicReason(),
        denial.publicReason().message());
  }

  private static <T> T expect(Class<T> type, Object result) {
    if (!type.isInstance(result)) {
      throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + result);
    }
    return type.cast(result);
  }
}
