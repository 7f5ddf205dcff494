package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of a store that many threads (or processes) use at once: {@link LedgerStoreContract}
 * plus exact-count concurrency tests, among them the random {@link ConcurrencyScenario}.
 */
public abstract class ConcurrentLedgerStoreContract extends LedgerStoreContract {

  /** Threads in the exact-count tests. */
  protected static final int THREADS = 8;

  /** Random operations from many threads leave every invariant intact and no ID overdrawn. */
  @Test
  void randomConcurrentOperationsKeepInvariants() {
    ConcurrencyScenario.Report report = ConcurrencyScenario.run(tck().store());

    assertThat(report.violations()).as("violations, seed %s", report.settings().seed()).isEmpty();
    assertThat(report.applied()).isPositive();
    assertThat(report.permittedDebits()).isPositive();
  }

  /** The same, with the ledger combining concurrent batches into one transaction (group commit). */
  @Test
  void randomConcurrentOperationsWithGroupCommitKeepInvariants() {
    ConcurrencyScenario.Report report =
        ConcurrencyScenario.run(
            tck().store(), ConcurrencyScenario.Settings.defaults().withGroupCommit(64));

    assertThat(report.violations()).as("violations, seed %s", report.settings().seed()).isEmpty();
    assertThat(report.permittedDebits()).isPositive();
  }

  /**
   * The network under many threads (splits, give-backs, re-splits, spends from IDs, envelopes and
   * sub-IDs, sub-ID issuance): invariants hold, revenue equals the permits, one sub-ID per ID and
   * service.
   */
  @Test
  void networkUnderManyThreadsKeepsInvariants() throws Exception {
    NetworkScenario.Report report = NetworkScenario.run(tck(), THREADS, 40, System.nanoTime());

    assertThat(report.violations()).as("violations, seed %s", report.seed()).isEmpty();
    assertThat(report.permits()).isPositive();
  }

  /**
   * A holder's IDs under many threads (linked spends, plain debits, merges racing both): invariants
   * hold, revenue equals the permits, merged IDs are empty (claims 8, 9).
   */
  @Test
  void holdersUnderManyThreadsKeepInvariants() throws Exception {
    HolderScenario.Report report = HolderScenario.run(tck(), THREADS, 30, System.nanoTime());

    assertThat(report.violations()).as("violations, seed %s", report.seed()).isEmpty();
    assertThat(report.permits()).isPositive();
  }

  /** Many threads debiting one ID: exactly as many debits are permitted as the balance allows. */
  @Test
  void concurrentDebitsNeverOverdraw() throws Exception {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    List<CommandResult> results = concurrently(THREADS, 30, () -> f.debit(id, 1));

    assertThat(results.stream().filter(CommandResult::applied).count()).isEqualTo(100);
    assertThat(f.account(id).posted()).isZero();
    assertThat(f.account(id).state()).isEqualTo(AccountState.EXHAUSTED);
  }

  /** Many threads submitting one transfer id: it applies once and every other answer replays it. */
  @Test
  void concurrentReplaysApplyOnce() throws Exception {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    LedgerCommand debit = Commands.debit(TransferId.random(), id, f.revenue(), 7);
    List<CommandResult> results = concurrently(THREADS, 5, () -> f.submit(debit));

    assertThat(results).allSatisfy(r -> assertThat(r.applied()).isTrue());
    assertThat(results.stream().filter(r -> !r.replayed()).count()).isEqualTo(1);
    assertThat(f.account(id).posted()).isEqualTo(93);
  }

  /** Many threads activating one ID: exactly one activation applies. */
  @Test
  void concurrentActivationsApplyOnce() throws Exception {
    LedgerFixture f = tck();
    AccountId id = f.newId();
    List<CommandResult> results = concurrently(THREADS, 3, () -> f.activate(id, 10).get(1));

    assertThat(results.stream().filter(CommandResult::applied).count()).isEqualTo(1);
    assertThat(f.account(id).posted()).isEqualTo(10);
  }

  /** Runs {@code each} {@code times} times on each of {@code threads} threads started together. */
  protected static <T> List<T> concurrently(int threads, int times, Callable<T> each)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<T>>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  List<T> out = new ArrayList<>();
                  for (int i = 0; i < times; i++) {
                    out.add(each.call());
                  }
                  return out;
                }));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> r : running) {
        all.addAll(r.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
