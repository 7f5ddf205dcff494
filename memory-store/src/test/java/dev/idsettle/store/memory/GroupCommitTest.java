package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.Unknown;
import dev.idsettle.spi.ForwardingLedgerTx;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** Group commit combines concurrent single calls without changing any outcome. */
class GroupCommitTest {
  private static final byte[] KEY =
      "group-commit-test-key-0123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void concurrentSingleCallsShareTransactionsAndKeepEveryAnswerExact() throws Exception {
    CountingStore store = new CountingStore(MemoryStore.create());
    AtomicInteger reported = new AtomicInteger();
    AtomicInteger reportedBatches = new AtomicInteger();
    AtomicInteger largest = new AtomicInteger();
    try (IdSettle settle =
        IdSettle.builder(store)
            .issuerKey(KEY)
            .groupCommit(64)
            .groupCommitListener(
                (batches, commands) -> {
                  reported.incrementAndGet();
                  reportedBatches.addAndGet(batches);
                  largest.accumulateAndGet(batches, Math::max);
                  assertThat(commands).isBetween(batches, 64);
                })
            .build()) {
      List<IdNumber> ids = settle.issuer().issue(3, ExpiryPolicy.never()).ids();
      for (IdNumber id : ids) {
        assertThat(settle.terminal("till").activate(id, eur(1000), "a-" + id.digits()))
            .isInstanceOf(Activated.class);
      }
      SettlementAuthenticator svc = settle.authenticator(new Service("svc", eur(0)));
      int threads = 16;
      int perThread = 40;
      ConcurrentLinkedQueue<AuthorizationResult> results = new ConcurrentLinkedQueue<>();
      int before = store.transactions.get();
      int reportedBefore = reported.get();
      int batchesBefore = reportedBatches.get();
      runConcurrently(
          threads,
          thread -> {
            for (int i = 0; i < perThread; i++) {
              IdNumber id = ids.get((thread + i) % ids.size());
              results.add(
                  svc.authorize(new AuthorizationRequest(id, eur(7), "t" + thread, "r" + i)));
              // the same reference again must replay, not debit twice
              if (i % 10 == 0) {
                results.add(
                    svc.authorize(new AuthorizationRequest(id, eur(7), "t" + thread, "r" + i)));
              }
            }
          });
      int transactions = store.transactions.get() - before;
      long permits = results.stream().filter(r -> r instanceof Permit p && !p.replayed()).count();
      long replays = results.stream().filter(r -> r instanceof Permit p && p.replayed()).count();
      long denials = results.stream().filter(r -> r instanceof Denial).count();
      assertThat(results).hasSize(threads * perThread + threads * perThread / 10);
      assertThat(denials)
          .as("only insufficient balance may deny")
          .isEqualTo(
              results.stream()
                  .filter(
                      r -> r instanceof Denial d && d.reason() == DenialReason.INSUFFICIENT_BALANCE)
                  .count());
      long spent = 0;
      for (IdNumber id : ids) {
        Account a = settle.account(id).orElseThrow();
        assertThat(a.posted()).isBetween(0L, 1000L);
        spent += 1000 - a.posted();
      }
      assertThat(spent).isEqualTo(permits * 7);
      assertThat(replays).isLessThanOrEqualTo(threads * perThread / 10);
      assertThat(transactions).as("requests were combined").isLessThan(threads * perThread);
      // the listener hears of each group-commit transaction (the store also runs reads) and of
      // every permitted debit's batch, in the batches it reports (and of the one batch that makes
      // the service's operator accounts when its handle first debits)
      assertThat(reported.get() - reportedBefore).isBetween(1, transactions);
      assertThat(reportedBatches.get() - batchesBefore)
          .isBetween((int) permits, results.size() + 1);
      assertThat(largest.get()).as("a transaction combined several batches").isGreaterThan(1);
    }
  }

  /**
   * A batch that fails the store's constraints fails alone: the requests that shared its
   * transaction are tried again without it and get their answers.
   */
  @Test
  void aBatchTheStoreRejectsFailsAloneNotWithTheOthersOfItsTransaction() throws Exception {
    PoisonStore store = new PoisonStore(MemoryStore.create(), 13);
    try (IdSettle settle = IdSettle.builder(store).issuerKey(KEY).groupCommit(64).build()) {
      List<IdNumber> ids = settle.issuer().issue(8, ExpiryPolicy.never()).ids();
      for (IdNumber id : ids) {
        assertThat(settle.terminal("till").activate(id, eur(100_000), "a-" + id.digits()))
            .isInstanceOf(Activated.class);
      }
      SettlementAuthenticator svc = settle.authenticator(new Service("svc", eur(0)));
      int threads = 8;
      int perThread = 30;
      ConcurrentLinkedQueue<AuthorizationResult> healthy = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<AuthorizationResult> poisoned = new ConcurrentLinkedQueue<>();
      runConcurrently(
          threads,
          thread -> {
            for (int i = 0; i < perThread; i++) {
              IdNumber id = ids.get(thread);
              // every third request of thread 0 carries the amount the store rejects
              boolean poison = thread == 0 && i % 3 == 0;
              AuthorizationResult r =
                  svc.authorize(
                      new AuthorizationRequest(id, eur(poison ? 13 : 7), "t" + thread, "r" + i));
              (poison ? poisoned : healthy).add(r);
            }
          });
      assertThat(store.rejectedWithOthers.get())
          .as("a rejected batch shared a transaction with others at least once")
          .isPositive();
      assertThat(healthy)
          .hasSize(threads * perThread - poisoned.size())
          .allMatch(Permit.class::isInstance);
      assertThat(poisoned).hasSize(10).noneMatch(Permit.class::isInstance);
      long spent = 0;
      for (IdNumber id : ids) {
        spent += 100_000 - settle.account(id).orElseThrow().posted();
      }
      assertThat(spent).isEqualTo(healthy.size() * 7L);
    }
  }

  /**
   * A store that fails with an {@link Error} (a bug, an exhausted heap) fails the callers of that
   * transaction as unknown; the committer thread survives it, so later calls, and the failed one
   * retried with its reference, still get their answers instead of waiting forever.
   */
  @Test
  void anErrorInTheStoreFailsItsCallersAsUnknownAndTheCommitterGoesOn() {
    ErrorStore store = new ErrorStore(MemoryStore.create());
    try (IdSettle settle = IdSettle.builder(store).issuerKey(KEY).groupCommit(64).build()) {
      List<IdNumber> ids = settle.issuer().issue(2, ExpiryPolicy.never()).ids();
      IdNumber id = ids.get(0);
      assertThat(settle.terminal("till").activate(id, eur(100), "a")).isInstanceOf(Activated.class);
      assertThat(settle.terminal("till").activate(ids.get(1), eur(100), "b"))
          .isInstanceOf(Activated.class);
      SettlementAuthenticator svc = settle.authenticator(new Service("svc", eur(0)));
      // the handle's first debit creates its revenue accounts: fail a later one
      assertThat(svc.authorize(new AuthorizationRequest(ids.get(1), eur(1), "t", "r0")))
          .isInstanceOf(Permit.class);
      store.failNext.set(true);
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            AuthorizationResult failed =
                svc.authorize(new AuthorizationRequest(id, eur(7), "t", "r1"));
            assertThat(failed).isInstanceOf(Unknown.class);
            StoreException cause = ((Unknown) failed).cause();
            assertThat(cause.mayHaveCommitted()).isTrue();
            assertThat(cause).hasRootCauseInstanceOf(AssertionError.class);
            assertThat(svc.authorize(new AuthorizationRequest(id, eur(5), "t", "r2")))
                .isInstanceOf(Permit.class);
            // the error came before the store was reached: the retry learns that nothing was
            // applied
            assertThat(svc.authorize(new AuthorizationRequest(id, eur(7), "t", "r1")))
                .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.replayed()).isFalse());
          });
      assertThat(settle.account(id).orElseThrow().posted()).isEqualTo(100 - 5 - 7);
    }
  }

  /**
   * Closing the ledger while threads submit never leaves one waiting: each call either gets its
   * answer or fails, also when it queued its batch just as the committer stopped.
   */
  @Test
  void closingWhileThreadsSubmitLeavesNoCallerWaiting() throws Exception {
    for (int round = 0; round < 40; round++) {
      CountingStore store = new CountingStore(MemoryStore.create());
      IdSettle settle = IdSettle.builder(store).issuerKey(KEY).groupCommit(64).build();
      List<IdNumber> ids = settle.issuer().issue(4, ExpiryPolicy.never()).ids();
      for (IdNumber id : ids) {
        settle.terminal("till").activate(id, eur(1_000_000), "a-" + id.digits());
      }
      SettlementAuthenticator svc = settle.authenticator(new Service("svc", eur(0)));
      List<Thread> workers =
          startTogether(
              8,
              thread -> {
                for (int i = 0; ; i++) {
                  try {
                    svc.authorize(
                        new AuthorizationRequest(ids.get(i % 4), eur(1), "t" + thread, "r" + i));
                  } catch (RuntimeException e) {
                    return; // closed: the call failed rather than waited
                  }
                }
              });
      LockSupport.parkNanos((round % 5) * 200_000L);
      settle.close();
      for (Thread w : workers) {
        w.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(w.isAlive()).as("a caller still waits after close, round " + round).isFalse();
      }
    }
  }

  /** Runs {@code work} on {@code threads} threads started together, and waits for them all. */
  private static void runConcurrently(int threads, IntConsumer work) throws InterruptedException {
    for (Thread w : startTogether(threads, work)) {
      w.join(TimeUnit.MINUTES.toMillis(2));
    }
  }

  /**
   * Starts {@code threads} daemon threads that run {@code work} (given each its number) once all
   * are started, and returns them without waiting.
   */
  private static List<Thread> startTogether(int threads, IntConsumer work) {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread w =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                work.accept(thread);
              });
      w.setDaemon(true);
      w.start();
      workers.add(w);
    }
    go.countDown();
    return workers;
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  /** Counts transactions and makes each take a simulated round trip, as a database would. */
  private static final class CountingStore extends WrappingStore {
    final AtomicInteger transactions = new AtomicInteger();

    CountingStore(LedgerStore delegate) {
      super(delegate);
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      transactions.incrementAndGet();
      LockSupport.parkNanos(200_000);
      return delegate.transact(work);
    }

    /** False: with its round trip, this store reads as one behind a connection does. */
    @Override
    public boolean readsAreLocal() {
      return false;
    }
  }

  /** Throws an {@link AssertionError} from the next transaction when told, before it starts. */
  private static final class ErrorStore extends WrappingStore {
    final AtomicBoolean failNext = new AtomicBoolean();

    ErrorStore(LedgerStore delegate) {
      super(delegate);
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      if (failNext.getAndSet(false)) {
        throw new AssertionError("a store bug");
      }
      return delegate.transact(work);
    }
  }

  /**
   * Fails, at write and before anything is committed, every transaction that would post {@code
   * amount}, as a store constraint would; each transaction takes a simulated round trip.
   */
  private static final class PoisonStore extends WrappingStore {
    final long amount;
    final AtomicInteger rejectedWithOthers = new AtomicInteger();

    PoisonStore(LedgerStore delegate, long amount) {
      super(delegate);
      this.amount = amount;
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      LockSupport.parkNanos(200_000);
      return delegate.transact(tx -> work.run(new PoisonTx(tx)));
    }

    private final class PoisonTx extends ForwardingLedgerTx {
      private final LedgerTx tx;

      PoisonTx(LedgerTx tx) {
        this.tx = tx;
      }

      @Override
      protected LedgerTx delegate() {
        return tx;
      }

      @Override
      public void write(Changes changes) {
        if (changes.transfers().stream().anyMatch(t -> t.amount() == amount)) {
          if (changes.transfers().size() > 1) {
            rejectedWithOthers.incrementAndGet();
          }
          throw new StoreException("constraint violated: a transfer of " + amount, false);
        }
        tx.write(changes);
      }
    }
  }
}
