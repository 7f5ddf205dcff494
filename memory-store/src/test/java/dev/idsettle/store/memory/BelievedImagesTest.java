package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.spi.ForwardingLedgerTx;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreWork;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger judges by the account images it saw committed instead of a locked read, when the store
 * takes them, and a stale image never decides an answer: two ledgers over one store stand for two
 * processes sharing a database.
 */
class BelievedImagesTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private final GuardingStore store = new GuardingStore(MemoryStore.create());
  private final Ledger here = Ledger.over(store);
  private final Ledger elsewhere = Ledger.over(store);
  private final AccountId id = AccountId.random();
  private final AccountId revenue = AccountId.random();
  private final AccountId cash = AccountId.random();
  private int transfers;

  @BeforeEach
  void anActiveIdWithTen() {
    here.createAccounts(
        List.of(
            Account.issued(id, IdHash.of(new byte[32]), EUR, ExpiryPolicy.never()),
            Account.operator(revenue, EUR),
            Account.operator(cash, EUR)));
    submit(
        here,
        LedgerCommand.changeState(id, EnumSet.of(AccountState.ISSUED), AccountState.ACTIVE),
        LedgerCommand.post(TransferId.random(), cash, id, 10, "activation"));
  }

  @Test
  void aDebitAfterACommitOfTheSameAccountsIsJudgedWithoutALockedRead() {
    debit(here, 1);
    int locks = store.locks.get();
    int assumed = store.assumed.get();

    assertThat(debit(here, 1).applied()).isTrue();
    assertThat(debit(here, 1).applied()).isTrue();

    assertThat(store.locks.get()).isEqualTo(locks);
    assertThat(store.assumed.get()).isEqualTo(assumed + 2);
    assertThat(here.account(id).orElseThrow().posted()).isEqualTo(7);
  }

  @Test
  void aStaleImageFailsItsWriteAndTheDebitIsJudgedAgainUnderLock() {
    debit(here, 1);
    debit(elsewhere, 4);

    CommandResult result = debit(here, 2);

    assertThat(result.applied()).isTrue();
    assertThat(Objects.requireNonNull(result.debitAfter()).posted()).isEqualTo(3);
    assertThat(store.refusedWrites.get()).isEqualTo(1);
    assertThat(here.account(id).orElseThrow().posted()).isEqualTo(3);
  }

  @Test
  void anAccountFoundStaleIsReadUnderLockForAWhile() {
    debit(here, 1);
    debit(elsewhere, 1);
    debit(here, 1);
    int locks = store.locks.get();

    debit(here, 1);

    assertThat(store.locks.get()).isEqualTo(locks + 1);
  }

  @Test
  void aDenialIsNeverAnsweredFromABelievedImage() {
    // here believes 1 left; elsewhere tops the ID up, so a debit of 5 must be permitted
    debit(here, 9);
    submit(elsewhere, LedgerCommand.post(TransferId.random(), cash, id, 20, "top-up"));

    CommandResult result = debit(here, 5);

    assertThat(result.refusal()).isNull();
    assertThat(here.account(id).orElseThrow().posted()).isEqualTo(16);
  }

  @Test
  void aDenialJudgedUnderLockStaysADenial() {
    debit(here, 10);

    CommandResult result = debit(here, 1);

    assertThat(result.refusal()).isEqualTo(Refusal.EXHAUSTED);
    assertThat(here.account(id).orElseThrow().posted()).isZero();
  }

  @Test
  void aLedgerWithImagesOffNeverOffersThem() {
    try (Ledger off = Ledger.builder(store).accountImages(0).build()) {
      debit(off, 1);
      debit(off, 1);
    }
    assertThat(store.offered.get()).isZero();
  }

  @Test
  void theRolesPassTheImageSettingToTheirLedger() {
    try (IdSettle off =
        IdSettle.builder(store)
            .issuerKey(
                "believed-images-test-key-0123456"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .currency(EUR)
            .accountImages(0)
            .build()) {
      for (int i = 0; i < 3; i++) {
        submit(off.ledger(), LedgerCommand.post(TransferId.random(), cash, revenue, 1, "p-" + i));
      }
    }
    assertThat(store.offered.get()).isZero();
    assertThatThrownBy(
            () ->
                IdSettle.builder(store)
                    .issuerKey(
                        "believed-images-test-key-0123456"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .currency(EUR)
                    .accountImages(-1)
                    .build())
        .isInstanceOf(dev.idsettle.InvalidConfigurationException.class)
        .hasMessage("accountImages must not be negative (0 turns them off), was -1");
  }

  @Test
  void aLedgerOverAStoreThatTakesNoImagesKeepsNone() {
    GuardingStore notTaking =
        new GuardingStore(MemoryStore.create()) {
          @Override
          public boolean takesBelievedImages() {
            return false;
          }
        };
    Ledger plain = Ledger.over(notTaking);
    plain.createAccounts(List.of(Account.operator(revenue, EUR), Account.operator(cash, EUR)));
    for (int i = 0; i < 3; i++) {
      submit(plain, LedgerCommand.post(TransferId.random(), cash, revenue, 1, "p-" + i));
    }
    assertThat(notTaking.offered.get()).isZero();
    assertThat(MemoryStore.create().takesBelievedImages()).isFalse();
  }

  private CommandResult debit(Ledger ledger, long amount) {
    return submit(
            ledger,
            LedgerCommand.post(TransferId.random(), id, revenue, amount, "debit-" + transfers++))
        .get(0);
  }

  private static List<CommandResult> submit(Ledger ledger, LedgerCommand... commands) {
    LedgerBatch batch = LedgerBatch.create();
    for (LedgerCommand c : commands) {
      batch.add(c);
    }
    return ledger.submit(batch);
  }

  /**
   * A store behind a connection (its reads are not local) that takes believed images as the
   * contract allows, and guards the write as the contract demands: under lock, every written
   * account must still have its believed image, or nothing is written.
   */
  private static class GuardingStore extends WrappingStore {
    final AtomicInteger locks = new AtomicInteger();
    final AtomicInteger offered = new AtomicInteger();
    final AtomicInteger assumed = new AtomicInteger();
    final AtomicInteger refusedWrites = new AtomicInteger();

    GuardingStore(LedgerStore delegate) {
      super(delegate);
    }

    @Override
    public boolean takesBelievedImages() {
      return true;
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      return delegate.transact(tx -> work.run(new GuardingTx(tx)));
    }

    private final class GuardingTx extends ForwardingLedgerTx {
      private final LedgerTx tx;
      private @Nullable Map<AccountId, Account> believed;

      GuardingTx(LedgerTx tx) {
        this.tx = tx;
      }

      @Override
      protected LedgerTx delegate() {
        return tx;
      }

      @Override
      public Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers) {
        locks.incrementAndGet();
        return tx.lock(accounts, transfers);
      }

      @Override
      public Locked lockOrAssume(
          Collection<AccountId> accounts,
          Map<AccountId, Account> believed,
          Collection<TransferId> transfers) {
        offered.incrementAndGet();
        if (!transfers.isEmpty()) {
          return lock(accounts, transfers);
        }
        assumed.incrementAndGet();
        this.believed = believed;
        return new Locked(believed, Map.of());
      }

      @Override
      public void write(Changes changes) {
        Map<AccountId, Account> b = believed;
        if (b != null) {
          List<AccountId> written = changes.accounts().stream().map(Account::id).toList();
          assertThat(written).containsExactlyInAnyOrderElementsOf(b.keySet());
          Map<AccountId, Account> current = tx.lock(written, List.of()).accounts();
          for (Account a : changes.accounts()) {
            Account was = b.get(a.id());
            Account now = current.get(a.id());
            if (was == null
                || now == null
                || was.posted() != now.posted()
                || was.reserved() != now.reserved()
                || was.state() != now.state()
                || !Objects.equals(was.expiresAt(), now.expiresAt())) {
              refusedWrites.incrementAndGet();
              throw new RetryableStoreException("account " + a.id() + " changed");
            }
          }
        }
        tx.write(changes);
      }
    }
  }
}
