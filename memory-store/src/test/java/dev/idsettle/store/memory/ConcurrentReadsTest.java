package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerTx.Changes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Readers without locks while commits write and accounts are created (so that every table grows):
 * what a reader sees is whole, in write order, never older than what it saw before, and includes
 * everything committed before it looked.
 */
class ConcurrentReadsTest {
  private static final int TRANSFERS = 20_000;
  private static final int ACCOUNTS = 30_000;
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private final MemoryStore store = MemoryStore.create();
  private final AccountId x = AccountId.random();
  private final AccountId y = AccountId.random();
  private final List<IdHash> hashes = new ArrayList<>();
  private final AtomicInteger hashesPublished = new AtomicInteger();
  private final AtomicBoolean done = new AtomicBoolean();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger chainReads = new AtomicInteger();
  private final AtomicInteger accountReads = new AtomicInteger();

  @Test
  void readersSeeWholeOrderedAndCompleteStateWhileWritersWork() throws Exception {
    store.transact(tx -> tx.insertAccounts(List.of(operator(x, 0), operator(y, 0))));
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < ACCOUNTS; i++) {
      byte[] bytes = new byte[IdHash.LENGTH];
      random.nextBytes(bytes);
      hashes.add(IdHash.of(bytes));
    }
    List<Thread> threads = new ArrayList<>();
    threads.add(new Thread(this::postTransfers));
    threads.add(new Thread(this::createAccounts));
    List<Thread> readers = List.of(new Thread(this::readChain), new Thread(this::readAccounts));
    threads.forEach(Thread::start);
    readers.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    done.set(true);
    for (Thread t : readers) {
      t.join();
    }

    assertThat(failures).isEmpty();
    assertThat(chainReads.get()).as("chain reads").isPositive();
    assertThat(accountReads.get()).as("account reads").isPositive();
    assertThat(store.transfersOf(y, 0, Integer.MAX_VALUE)).hasSize(TRANSFERS);
    assertThat(store.findAccount(y).orElseThrow().posted()).isEqualTo(TRANSFERS);
    assertThat(store.findAccountsByIdHash(hashes)).hasSize(ACCOUNTS);
  }

  private void postTransfers() {
    for (int i = 1; i <= TRANSFERS; i++) {
      int n = i;
      Transfer t =
          new Transfer(
              new TransferId(n, -n),
              x,
              y,
              1,
              TransferKind.POST,
              null,
              null,
              HoldState.NONE,
              null,
              "seq",
              AT.plusNanos(n));
      store.transact(
          tx -> {
            tx.lock(List.of(x, y), List.of(t.id()));
            tx.write(new Changes(List.of(operator(x, -n), operator(y, n)), List.of(t), List.of()));
            return Boolean.TRUE;
          });
    }
  }

  private void createAccounts() {
    for (int i = 0; i < ACCOUNTS; i += 100) {
      List<Account> batch = new ArrayList<>();
      for (IdHash hash : hashes.subList(i, i + 100)) {
        batch.add(Account.issued(AccountId.random(), hash, EUR, ExpiryPolicy.never()));
      }
      store.transact(tx -> tx.insertAccounts(batch));
      hashesPublished.set(i + 100);
    }
  }

  /** The transfers of y: a prefix of the write order, each whole; never fewer than before. */
  private void readChain() {
    int seen = 0;
    while (!done.get() && failures.isEmpty()) {
      List<Transfer> chain = store.transfersOf(y, 0, Integer.MAX_VALUE);
      chainReads.incrementAndGet();
      if (chain.size() < seen) {
        failures.add("chain shrank from " + seen + " to " + chain.size());
      }
      seen = chain.size();
      for (int k = 0; k < chain.size(); k++) {
        Transfer t = chain.get(k);
        long n = k + 1L;
        boolean whole =
            t.id().equals(new TransferId(n, -n))
                && t.debit().equals(x)
                && t.amount() == 1
                && t.code().equals("seq")
                && t.timestamp().equals(AT.plusNanos(n));
        if (!whole) {
          failures.add("transfer " + n + " read as " + t);
          return;
        }
      }
      if (seen > 0) {
        int offset = ThreadLocalRandom.current().nextInt(seen);
        List<Transfer> page = store.transfersOf(y, offset, 3);
        if (page.isEmpty() || page.get(0).id().high() != offset + 1) {
          failures.add("page at " + offset + " starts with " + page);
        }
      }
    }
  }

  /** Balances never go back; every account created before the look is found by its hash. */
  private void readAccounts() {
    long lastPosted = 0;
    while (!done.get() && failures.isEmpty()) {
      Account seen = store.findAccount(y).orElseThrow();
      accountReads.incrementAndGet();
      if (seen.posted() < lastPosted || !seen.equals(operator(y, seen.posted()))) {
        failures.add("read " + seen + " after a balance of " + lastPosted);
      }
      lastPosted = seen.posted();
      int published = hashesPublished.get();
      if (published > 0) {
        int from = ThreadLocalRandom.current().nextInt(published);
        List<IdHash> wanted = hashes.subList(from, Math.min(published, from + 50));
        Map<IdHash, Account> found = store.findAccountsByIdHash(wanted);
        if (found.size() != wanted.size()) {
          failures.add(found.size() + " of " + wanted.size() + " published accounts found");
        }
      }
    }
  }

  private static Account operator(AccountId id, long posted) {
    return new Account(
        id,
        AccountKind.OPERATOR,
        EUR,
        AccountState.OPEN,
        posted,
        0,
        ExpiryPolicy.never(),
        null,
        null);
  }
}
