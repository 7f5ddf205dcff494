package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.RetryableStoreException;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The misuses of {@code write} the compact store refuses, and the one use it allows. */
class MemoryTxTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private final MemoryStore store = MemoryStore.create();
  private final SplittableRandom random = new SplittableRandom(5);

  /**
   * One transaction creates an account and then locks one; another locks that one and then creates:
   * neither waits for the other forever. The one that locked first gives up with a conflict,
   * nothing of it committed, and succeeds when tried again.
   */
  @Test
  void createThenLockAndLockThenCreateDoNotDeadlock() throws Exception {
    AccountId shared = AccountId.random();
    store.transact(tx -> tx.insertAccounts(List.of(Account.operator(shared, EUR))));
    AccountId first = AccountId.random();
    AccountId second = AccountId.random();
    CountDownLatch created = new CountDownLatch(1);
    CountDownLatch locked = new CountDownLatch(1);
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> createThenLock =
          pool.submit(
              () ->
                  store.transact(
                      tx -> {
                        tx.insertAccounts(List.of(Account.operator(first, EUR)));
                        created.countDown();
                        await(locked);
                        return tx.lock(List.of(shared), List.of());
                      }));
      Future<?> lockThenCreate =
          pool.submit(
              () -> {
                for (int attempt = 1; ; attempt++) {
                  try {
                    boolean firstAttempt = attempt == 1;
                    return store.transact(
                        tx -> {
                          tx.lock(List.of(shared), List.of());
                          if (firstAttempt) {
                            locked.countDown();
                            await(created);
                          }
                          return tx.insertAccounts(List.of(Account.operator(second, EUR)));
                        });
                  } catch (RetryableStoreException e) {
                    conflicts.incrementAndGet();
                  }
                }
              });
      createThenLock.get(10, TimeUnit.SECONDS);
      lockThenCreate.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(conflicts.get()).isPositive();
    assertThat(store.findAccount(first)).isPresent();
    assertThat(store.findAccount(second)).isPresent();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other transaction never got there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anImageOfAnAccountThatDoesNotExistIsRefused() {
    AccountId missing = AccountId.random();

    assertThatThrownBy(() -> writeImage(missing, image(missing, 5, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");
    assertThat(store.findAccount(missing)).isEmpty();
  }

  @Test
  void anImageCannotChangeTheIdHash() {
    IdHash hash = hash();
    AccountId id = AccountId.random();
    Account original = Account.issued(id, hash, EUR, ExpiryPolicy.never());
    store.transact(tx -> tx.insertAccounts(List.of(original)));

    assertThatThrownBy(() -> writeImage(id, image(id, 5, hash())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ID hash");
    assertThatThrownBy(() -> writeImage(id, image(id, 5, null)))
        .isInstanceOf(IllegalStateException.class);
    writeImage(id, image(id, 5, hash));
    assertThat(store.findAccount(id)).contains(image(id, 5, hash));
  }

  @Test
  void anAccountCreatedInTheTransactionTakesTheImageWrittenThere() {
    IdHash hash = hash();
    AccountId id = AccountId.random();
    store.transact(
        tx -> {
          tx.insertAccounts(List.of(Account.issued(id, hash, EUR, ExpiryPolicy.never())));
          tx.lock(List.of(id), List.of());
          tx.write(new Changes(List.of(image(id, 9, hash)), List.of(), List.of()));
          return Boolean.TRUE;
        });

    assertThat(store.findAccount(id)).contains(image(id, 9, hash));
    assertThat(store.findAccountsByIdHash(List.of(hash))).containsEntry(hash, image(id, 9, hash));
    assertThat(store.accountCount()).isEqualTo(1);
  }

  private void writeImage(AccountId id, Account image) {
    store.transact(
        tx -> {
          tx.lock(List.of(id), List.of());
          tx.write(new Changes(List.of(image), List.of(), List.of()));
          return Boolean.TRUE;
        });
  }

  private static Account image(AccountId id, long posted, @Nullable IdHash hash) {
    return new Account(
        id, AccountKind.ID, EUR, AccountState.ACTIVE, posted, 0, ExpiryPolicy.never(), null, hash);
  }

  private IdHash hash() {
    byte[] bytes = new byte[IdHash.LENGTH];
    random.nextBytes(bytes);
    return IdHash.of(bytes);
  }
}
