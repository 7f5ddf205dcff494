package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commits of transactions that lock disjoint stripes run at the same time; what they share must
 * still come out exact: the chain of an account that none of them locked, a transfer id that two of
 * them insert, a hold that two of them resolve, the chain of an account created meanwhile. Counts,
 * not timings: a lost append, a doubled id or a hold resolved twice fails these tests.
 */
class ParallelCommitsTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final int THREADS = 4;

  private final MemoryStore store = MemoryStore.create();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void appendsToAnAccountNoCommitLockedAreAllKeptInOrder() throws Exception {
    int each = 20_000;
    AccountId shared = AccountId.random();
    List<AccountId> own = operators(THREADS);
    createOperators(List.of(shared));
    List<List<Transfer>> written = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<Transfer> transfers = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        transfers.add(post(new TransferId(t, i), own.get(t), shared, i + 1));
      }
      written.add(transfers);
    }

    run(
        t -> {
          for (Transfer transfer : written.get(t)) {
            commit(own.get(t), List.of(transfer), List.of());
          }
        });

    List<Transfer> chain = store.transfersOf(shared, 0, Integer.MAX_VALUE);
    assertThat(chain).hasSize(THREADS * each);
    assertThat(new HashSet<>(chain)).hasSize(THREADS * each);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      // each thread's transfers, in its own order, wherever the others fell between them
      assertThat(chain.stream().filter(x -> x.id().high() == thread).toList())
          .isEqualTo(written.get(t));
      assertThat(store.transfersOf(own.get(t), 0, Integer.MAX_VALUE)).isEqualTo(written.get(t));
    }
    for (int offset = 0; offset < chain.size(); offset += 997) {
      assertThat(store.transfersOf(shared, offset, 150))
          .isEqualTo(chain.subList(offset, Math.min(chain.size(), offset + 150)));
    }
  }

  @Test
  void aTransferIdInsertedByTwoCommitsAtOnceIsInsertedOnce() throws Exception {
    int rounds = 1_000;
    List<AccountId> own = operators(2);
    AtomicIntegerArray inserted = new AtomicIntegerArray(rounds);
    SpinBarrier together = new SpinBarrier(2);

    run(
        2,
        t -> {
          for (int round = 0; round < rounds; round++) {
            together.await();
            try {
              commit(
                  own.get(t),
                  List.of(post(new TransferId(7, round), own.get(t), own.get(1 - t), 1)),
                  List.of());
              inserted.incrementAndGet(round);
            } catch (StoreException e) {
              // the other commit took the id: expected for one of the two
            }
          }
        });

    for (int round = 0; round < rounds; round++) {
      assertThat(inserted.get(round)).as("commits of round %d", round).isEqualTo(1);
    }
    List<Transfer> all = new ArrayList<>(store.transfersOf(own.get(0), 0, Integer.MAX_VALUE));
    assertThat(all).hasSize(rounds);
    assertThat(store.transfersOf(own.get(1), 0, Integer.MAX_VALUE)).hasSize(rounds);
  }

  @Test
  void aHoldResolvedByTwoCommitsAtOnceIsResolvedOnce() throws Exception {
    int rounds = 1_000;
    List<AccountId> own = operators(3);
    List<Transfer> holds = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      holds.add(
          new Transfer(
              new TransferId(9, round),
              own.get(2),
              own.get(0),
              5,
              TransferKind.HOLD,
              null,
              AT.plus(Duration.ofHours(1)),
              HoldState.OPEN,
              null,
              "hold",
              AT));
    }
    for (int i = 0; i < rounds; i += 500) {
      commit(own.get(2), holds.subList(i, i + 500), List.of());
    }
    AtomicIntegerArray resolved = new AtomicIntegerArray(rounds);
    SpinBarrier together = new SpinBarrier(2);

    run(
        2,
        t -> {
          HoldState state = t == 0 ? HoldState.VOIDED : HoldState.CAPTURED;
          TransferKind kind = t == 0 ? TransferKind.VOID : TransferKind.CAPTURE;
          for (int round = 0; round < rounds; round++) {
            Transfer hold = holds.get(round);
            Transfer resolution =
                new Transfer(
                    new TransferId(10 + t, round),
                    own.get(2),
                    own.get(0),
                    5,
                    kind,
                    hold.id(),
                    null,
                    HoldState.NONE,
                    null,
                    "resolve",
                    AT);
            together.await();
            try {
              // each commit locks only its own account, never the hold's debit account
              commit(own.get(t), List.of(resolution), List.of(hold.withHoldState(state)));
              resolved.incrementAndGet(round);
            } catch (StoreException e) {
              // the other commit resolved it first: expected for one of the two
            }
          }
        });

    for (int round = 0; round < rounds; round++) {
      assertThat(resolved.get(round)).as("resolutions of hold %d", round).isEqualTo(1);
      assertThat(store.journal.isOpen(holds.get(round).id())).isFalse();
    }
    assertThat(store.transfersOf(own.get(2), 0, Integer.MAX_VALUE)).hasSize(2 * rounds);
    assertThat(store.expiredHolds(AT.plus(Duration.ofDays(1)), 10)).isEmpty();
  }

  @Test
  void transfersOfAnAccountCreatedMeanwhileAreAllListed() throws Exception {
    int rounds = 1_000;
    int each = 40;
    AccountId own = operators(1).get(0);
    List<AccountId> later = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      later.add(AccountId.random());
    }
    SpinBarrier together = new SpinBarrier(2);

    run(
        2,
        t -> {
          for (int round = 0; round < rounds; round++) {
            together.await();
            if (t == 1) {
              createOperators(List.of(later.get(round)));
              continue;
            }
            for (int i = 0; i < each; i++) {
              TransferId id = new TransferId(round, i);
              commit(own, List.of(post(id, own, later.get(round), i + 1)), List.of());
            }
          }
        });

    for (AccountId id : later) {
      assertThat(store.transfersOf(id, 0, Integer.MAX_VALUE)).as("chain of %s", id).hasSize(each);
    }
  }

  /** Writes {@code transfers} and {@code holds}, locking only {@code locked}. */
  private void commit(AccountId locked, List<Transfer> transfers, List<Transfer> holds) {
    store.transact(
        tx -> {
          tx.lock(List.of(locked), List.of());
          tx.write(new Changes(List.of(), transfers, holds));
          return Boolean.TRUE;
        });
  }

  private List<AccountId> operators(int n) {
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(AccountId.random());
    }
    createOperators(ids);
    return ids;
  }

  private void createOperators(List<AccountId> ids) {
    List<Account> accounts = new ArrayList<>();
    for (AccountId id : ids) {
      accounts.add(Account.operator(id, EUR));
    }
    Set<AccountId> existing = store.transact(tx -> tx.insertAccounts(accounts));
    assertThat(existing).isEmpty();
  }

  /**
   * Releases its parties together by spinning, not parking: a parked thread wakes tens of
   * microseconds after the last one arrives, longer than a commit, and the commits would not meet.
   */
  private static final class SpinBarrier {
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();

    SpinBarrier(int parties) {
      this.parties = parties;
    }

    void await() {
      int target = (arrived.incrementAndGet() + parties - 1) / parties * parties;
      while (arrived.get() < target) {
        Thread.onSpinWait();
      }
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(int thread) throws Exception;
  }

  private void run(Work work) throws Exception {
    run(THREADS, work);
  }

  /** Runs {@code work} on {@code threads} threads started together; rethrows what one threw. */
  private void run(int threads, Work work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      running.add(
          pool.submit(
              () -> {
                start.await();
                work.run(thread);
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private static Transfer post(TransferId id, AccountId debit, AccountId credit, long amount) {
    return TestTransfers.post(id, debit, credit, amount);
  }
}
