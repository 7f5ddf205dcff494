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
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The misuses of {@code write} the compact store refuses, and the one use it allows. */
class MemoryTxTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private final MemoryStore store = MemoryStore.create();
  private final SplittableRandom random = new SplittableRandom(5);

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
