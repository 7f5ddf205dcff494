package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreWork;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Role handles are cheap: getting one touches no store, and operator accounts are made once. */
class RoleHandlesTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Service PHONE = new Service("phone", Money.of(0, "EUR"));

  @Test
  void gettingAHandleTouchesNoStore() {
    CountingStore store = new CountingStore(MemoryStore.create());
    IdSettle settle = IdSettle.builder(store).issuerKey(KEY).build();
    int before = store.calls();
    for (int i = 0; i < 100; i++) {
      settle.authenticator(PHONE);
      settle.terminal("till-" + i);
      settle.issuer();
    }
    assertThat(store.calls()).isEqualTo(before);
  }

  @Test
  void operatorAccountsAreCreatedOnceAcrossHandlesAndThreads() throws Exception {
    CountingStore store = new CountingStore(MemoryStore.create());
    IdSettle settle = IdSettle.builder(store).issuerKey(KEY).build();
    List<IdNumber> ids = settle.issuer().issue(16, ExpiryPolicy.never()).ids();
    for (IdNumber id : ids) {
      assertThat(settle.terminal("till").activate(id, eur(100), "s-" + id.digits()))
          .isInstanceOf(Activated.class);
    }
    int afterSales = store.transactions();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        IdNumber id = ids.get(i);
        String ref = "r" + i;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  SettlementAuthenticator phone = settle.authenticator(PHONE);
                  return phone.authorize(new AuthorizationRequest(id, eur(1), "kiosk", ref));
                }));
      }
      go.countDown();
      for (Future<Object> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(Permit.class);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(store.transactions() - afterSales)
        .as("one transaction per debit and one that made the revenue accounts")
        .isEqualTo(ids.size() + 1);
    assertThat(store.findAccountCalls()).as("no per-shard probing").isZero();
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  /** Counts every call that reaches the store. */
  private static final class CountingStore extends WrappingStore {
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger findAccount = new AtomicInteger();

    CountingStore(LedgerStore delegate) {
      super(delegate);
    }

    int calls() {
      return transactions.get() + reads.get() + findAccount.get();
    }

    int transactions() {
      return transactions.get();
    }

    int findAccountCalls() {
      return findAccount.get();
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      transactions.incrementAndGet();
      return super.transact(work);
    }

    @Override
    public Optional<dev.idsettle.ledger.Account> findAccount(AccountId id) {
      findAccount.incrementAndGet();
      return super.findAccount(id);
    }

    @Override
    public java.util.Map<dev.idsettle.ledger.IdHash, dev.idsettle.ledger.Account>
        findAccountsByIdHash(java.util.Collection<dev.idsettle.ledger.IdHash> hashes) {
      reads.incrementAndGet();
      return super.findAccountsByIdHash(hashes);
    }
  }
}
