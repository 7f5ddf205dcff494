package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.spi.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The ID-hash to account cache sits in front of a store with a connection, not a local one. */
class AccountCacheTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aStoreBehindAConnectionIsAskedOncePerId() {
    CountingStore store = new CountingStore(MemoryStore.create(), false);
    // the activation's read finds the ID unsold, which is never cached (an unsold ID is read like
    // an unknown one); the first debit's read finds it sold and caches it for the other four
    assertThat(lookUpsToActivateAndDebitFiveTimes(store, b -> b)).isEqualTo(2);
  }

  @Test
  void aLocalStoreIsAskedEveryTime() {
    CountingStore store = new CountingStore(MemoryStore.create(), true);
    assertThat(lookUpsToActivateAndDebitFiveTimes(store, b -> b)).isEqualTo(6);
  }

  @Test
  void theCacheCanBeTurnedOffOrSizedWhateverTheStore() {
    assertThat(
            lookUpsToActivateAndDebitFiveTimes(
                new CountingStore(MemoryStore.create(), false), b -> b.accountCacheSize(0)))
        .isEqualTo(6);
    assertThat(
            lookUpsToActivateAndDebitFiveTimes(
                new CountingStore(MemoryStore.create(), true), b -> b.accountCacheSize(10)))
        .isEqualTo(2);
  }

  @Test
  void aNegativeCacheSizeIsRefusedAtBuild() {
    assertThatThrownBy(
            () ->
                IdSettle.builder(MemoryStore.create())
                    .issuerKey(KEY)
                    .currency(EUR)
                    .accountCacheSize(-1)
                    .build())
        .isInstanceOf(dev.idsettle.InvalidConfigurationException.class)
        .hasMessage("accountCacheSize must not be negative (0 turns the cache off), was -1");
  }

  @Test
  void theMemoryStoreSaysItsReadsAreLocal() {
    assertThat(MemoryStore.create().readsAreLocal()).isTrue();
  }

  /** Issues an ID, then counts the store's ID look-ups of its activation and five debits. */
  private static int lookUpsToActivateAndDebitFiveTimes(
      CountingStore store, UnaryOperator<IdSettle.Builder> configure) {
    try (IdSettle settle =
        configure.apply(IdSettle.builder(store).issuerKey(KEY).currency(EUR)).build()) {
      IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
      int before = store.lookUps;
      assertThat(settle.terminal("till").activate(id, Money.of(100, "EUR"), "a-1"))
          .isInstanceOf(Activated.class);
      SettlementAuthenticator phone = settle.authenticator(new Service("phone", Money.zero(EUR)));
      for (int i = 0; i < 5; i++) {
        assertThat(
                phone.authorize(
                    new AuthorizationRequest(id, Money.of(1, "EUR"), "kiosk-1", "r-" + i)))
            .isInstanceOf(Permit.class);
      }
      return store.lookUps - before;
    }
  }

  /** Counts {@link #findAccountsByIdHash} calls; says its reads are local or not, as told. */
  private static final class CountingStore extends WrappingStore {
    private final boolean local;
    int lookUps;

    CountingStore(LedgerStore delegate, boolean local) {
      super(delegate);
      this.local = local;
    }

    @Override
    public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
      lookUps++;
      return delegate.findAccountsByIdHash(hashes);
    }

    @Override
    public boolean readsAreLocal() {
      return local;
    }
  }
}
