package dev.idsettle.ledger;

import dev.idsettle.internal.Checks;
import dev.idsettle.spi.LedgerStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's reads: accounts, keys, transfers and journal pages from the store, and the account
 * images the ledger last saw committed. {@link Ledger} documents each; it checks the arguments
 * here.
 */
final class LedgerReads {
  private final LedgerStore store;
  private final @Nullable AccountImages images;
  private final Retrier retrier;

  LedgerReads(LedgerStore store, @Nullable AccountImages images, Retrier retrier) {
    this.store = store;
    this.images = images;
    this.retrier = retrier;
  }

  Map<IdHash, AccountKey> keys(Collection<IdHash> hashes) {
    List<IdHash> copy = Checks.elementsNotNull(hashes, "hashes");
    return copy.isEmpty() ? Map.of() : store.findKeys(copy);
  }

  List<AccountKey> keysOwnedBy(AccountId owner) {
    return store.keysOwnedBy(Checks.notNull(owner, "owner"));
  }

  @Nullable Map<AccountId, Account> lastSeen(Collection<AccountId> accounts) {
    Checks.elementsNotNull(accounts, "accounts");
    AccountImages known = images;
    return known == null ? null : known.peek(accounts);
  }

  Optional<Account> account(AccountId id) {
    return store.findAccount(Checks.notNull(id, "id"));
  }

  Map<AccountId, Account> accounts(Collection<AccountId> ids) {
    List<AccountId> copy = Checks.elementsNotNull(ids, "ids");
    return copy.isEmpty() ? Map.of() : store.findAccounts(copy);
  }

  Optional<Account> accountByIdHash(IdHash hash) {
    Checks.notNull(hash, "hash");
    return Optional.ofNullable(store.findAccountsByIdHash(List.of(hash)).get(hash));
  }

  Map<IdHash, Account> accountsByIdHash(Collection<IdHash> hashes) {
    List<IdHash> copy = Checks.elementsNotNull(hashes, "hashes");
    return copy.isEmpty() ? Map.of() : store.findAccountsByIdHash(copy);
  }

  Optional<Transfer> transfer(TransferId id) {
    Checks.notNull(id, "id");
    return Optional.ofNullable(
        retrier.run(() -> store.transact(tx -> tx.findTransfers(List.of(id)))).get(id));
  }

  List<Transfer> transfers(AccountId account, int offset, int limit) {
    Checks.notNull(account, "account");
    if (offset < 0 || limit < 0) {
      throw Checks.invalid(
          offset < 0 ? "offset" : "limit", Math.min(offset, limit), "must not be negative");
    }
    return store.transfersOf(account, offset, limit);
  }
}
