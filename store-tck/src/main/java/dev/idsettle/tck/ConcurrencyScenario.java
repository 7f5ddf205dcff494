package dev.idsettle.tck;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.spi.LedgerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many threads doing random activations, debits, holds, captures, voids and reversals on a few IDs,
 * then an exact reconciliation: the ledger's {@link Invariants} hold, no ID is overdrawn, and for
 * every ID the value the clients saw leave it (debits, captures, reversals they were told were
 * applied) never exceeds the value they saw enter it, and equals what entered minus its balance.
 * Reusable: a store module can run it with its own settings (a JDBC store at SERIALIZABLE, say),
 * and the TCK's own tests prove it catches a store that loses updates.
 */
public final class ConcurrencyScenario {

  /**
   * How hard to push.
   *
   * @param threads client threads
   * @param ids ID accounts they share
   * @param operationsPerThread operations each thread submits
   * @param seed makes each thread's choice of operations repeatable (not their interleaving)
   * @param groupCommit the ledger's {@link Ledger.Builder#groupCommit} setting (0: off)
   */
  public record Settings(
      int threads, int ids, int operationsPerThread, long seed, int groupCommit) {
    /** Requires positive sizes. */
    public Settings {
      if (threads < 1 || ids < 1 || operationsPerThread < 1 || groupCommit < 0) {
        throw new IllegalArgumentException(
            "threads, ids and operationsPerThread must be positive, were "
                + threads
                + ", "
                + ids
                + ", "
                + operationsPerThread);
      }
    }

    /** Settings without group commit. */
    public Settings(int threads, int ids, int operationsPerThread, long seed) {
      this(threads, ids, operationsPerThread, seed, 0);
    }

    /** Eight threads, five IDs, 200 operations each, no group commit. */
    public static Settings defaults() {
      return new Settings(8, 5, 200, System.nanoTime());
    }

    /** These settings with group commit of up to {@code maxCommands} commands. */
    public Settings withGroupCommit(int maxCommands) {
      return new Settings(threads, ids, operationsPerThread, seed, maxCommands);
    }
  }

  /**
   * What a run saw.
   *
   * @param settings how it ran
   * @param applied operations applied
   * @param refused operations refused
   * @param permittedDebits debits and captures applied
   * @param accounts the closed set of accounts it created (operator accounts and IDs)
   * @param violations every invariant or reconciliation that failed; empty for a correct store
   */
  public record Report(
      Settings settings,
      long applied,
      long refused,
      long permittedDebits,
      List<AccountId> accounts,
      List<String> violations) {
    /** Copies the lists. */
    public Report {
      accounts = List.copyOf(accounts);
      violations = List.copyOf(violations);
    }

    /** Whether every check held. */
    public boolean passed() {
      return violations.isEmpty();
    }
  }

  /** How a violation reporting a failed client thread begins. */
  public static final String CLIENT_FAILED = "client thread failed: ";

  private ConcurrencyScenario() {}

  /** Runs the scenario with {@link Settings#defaults()}. */
  public static Report run(LedgerStore store) {
    return run(store, Settings.defaults());
  }

  /**
   * Runs the scenario on {@code store}, on accounts of its own, and checks the outcome. A client
   * thread that fails (the ledger threw something other than a conflict it gave up on) is reported
   * as a violation starting with {@link #CLIENT_FAILED}.
   */
  public static Report run(LedgerStore store, Settings settings) {
    MutableClock clock = MutableClock.at(LedgerStoreContract.START);
    LedgerFixture fixture = LedgerFixture.over(store, clock);
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < settings.ids(); i++) {
      ids.add(fixture.newId());
    }
    Tally tally = new Tally(settings.ids());
    List<String> violations;
    try (Ledger ledger =
        Ledger.builder(store)
            .clock(clock)
            .maxAttempts(1000)
            .groupCommit(settings.groupCommit())
            .build()) {
      List<ScenarioClient> clients = new ArrayList<>();
      for (int t = 0; t < settings.threads(); t++) {
        clients.add(
            new ScenarioClient(
                ledger, fixture, ids, tally, settings.seed() + t, settings.operationsPerThread()));
      }
      violations = runAll(clients);
      violations.addAll(check(fixture, ids, tally));
      clients.forEach(ScenarioClient::voidOpenHolds);
    }
    return new Report(
        settings,
        tally.applied.get(),
        tally.refused.get(),
        tally.permittedDebits.get(),
        fixture.accounts(),
        violations);
  }

  /** Runs the clients together; returns how each one that failed failed. */
  private static List<String> runAll(List<ScenarioClient> clients) {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    CountDownLatch start = new CountDownLatch(1);
    List<String> failures = new ArrayList<>();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (ScenarioClient c : clients) {
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  c.run();
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : running) {
        try {
          f.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          failures.add(CLIENT_FAILED + e.getCause());
        }
      }
    } catch (InterruptedException | TimeoutException e) {
      failures.add(CLIENT_FAILED + "did not finish: " + e);
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return failures;
  }

  private static List<String> check(LedgerFixture fixture, List<AccountId> ids, Tally tally) {
    List<String> out = new ArrayList<>(fixture.violations());
    for (int i = 0; i < ids.size(); i++) {
      Account a = fixture.account(ids.get(i));
      long in = tally.credited.get(i);
      long left = tally.debited.get(i);
      if (left > in) {
        out.add(
            a.id()
                + " "
                + Invariants.OVERDRAWN
                + ": clients were told "
                + left
                + " left it but only "
                + in
                + " entered");
      }
      if (in - left != a.posted()) {
        out.add(
            a.id()
                + ": "
                + in
                + " entered and "
                + left
                + " left per the clients, so the"
                + " balance should be "
                + (in - left)
                + ", but the store has "
                + a.posted());
      }
    }
    return out;
  }

  /** Shared counters of what the clients were told. */
  static final class Tally {
    final AtomicLongArray credited;
    final AtomicLongArray debited;
    final AtomicLongArray lastActivation;
    final AtomicLong applied = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong permittedDebits = new AtomicLong();

    Tally(int ids) {
      credited = new AtomicLongArray(ids);
      debited = new AtomicLongArray(ids);
      lastActivation = new AtomicLongArray(ids);
    }
  }

  /** How long the scenario's holds live, against clock steps of a minute. */
  static final Duration HOLD_TIMEOUT = Duration.ofMinutes(3);
}
