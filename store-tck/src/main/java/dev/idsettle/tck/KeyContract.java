package dev.idsettle.tck;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Account keys ({@link AccountKey}): the store primitive every later feature finds its accounts by
 * (sub-IDs, holders, envelopes, merged IDs). Part of {@link LedgerStoreContract}.
 */
public interface KeyContract extends ContractTest {

  /** A key is found by its hash and listed under its owner, in the order written. */
  @Test
  default void keysAreFoundByHashAndByOwner() {
    LedgerFixture f = tck();
    AccountId owner = f.activeId(100);
    AccountId first = f.newId();
    AccountId second = f.newId();
    AccountKey a = new AccountKey(LedgerFixture.randomHash(), first, owner, "envelope:phone");
    AccountKey b = new AccountKey(LedgerFixture.randomHash(), second, owner, "sub:phone");
    AccountKey lone = new AccountKey(LedgerFixture.randomHash(), second, null, "holder");

    Set<IdHash> existed = f.store().transact(tx -> tx.insertKeys(List.of(a, b, lone)));

    assertThat(existed).isEmpty();
    IdHash unknown = LedgerFixture.randomHash();
    assertThat(f.store().findKeys(List.of(a.hash(), lone.hash(), unknown)))
        .isEqualTo(Map.of(a.hash(), a, lone.hash(), lone));
    assertThat(f.store().keysOwnedBy(owner)).containsExactly(a, b);
    assertThat(f.store().keysOwnedBy(second)).isEmpty();
    assertThat(f.store().findKeys(List.of())).isEmpty();
  }

  /** A hash that exists is reported and left as it was, also when it comes twice in one call. */
  @Test
  default void anExistingHashIsLeftUnchanged() {
    LedgerFixture f = tck();
    AccountId one = f.newId();
    AccountId other = f.newId();
    IdHash hash = LedgerFixture.randomHash();
    AccountKey original = new AccountKey(hash, one, null, "sub:phone");
    f.store().transact(tx -> tx.insertKeys(List.of(original)));

    Set<IdHash> existed =
        f.store().transact(tx -> tx.insertKeys(List.of(new AccountKey(hash, other, one, "x"))));
    IdHash twice = LedgerFixture.randomHash();
    Set<IdHash> inOneCall =
        f.store()
            .transact(
                tx ->
                    tx.insertKeys(
                        List.of(
                            new AccountKey(twice, one, null, "first"),
                            new AccountKey(twice, other, null, "second"))));

    assertThat(existed).containsExactly(hash);
    assertThat(f.store().findKeys(List.of(hash))).containsEntry(hash, original);
    assertThat(inOneCall).containsExactly(twice);
    assertThat(requireNonNull(f.store().findKeys(List.of(twice)).get(twice)).tag())
        .isEqualTo("first");
  }

  /** Keys roll back with their transaction. */
  @Test
  default void keysRollBackWithTheirTransaction() {
    LedgerFixture f = tck();
    AccountId id = f.newId();
    AccountKey key = new AccountKey(LedgerFixture.randomHash(), id, id, "rolled-back");

    assertThatThrownBy(
            () ->
                f.store()
                    .transact(
                        tx -> {
                          tx.insertKeys(List.of(key));
                          throw new IllegalStateException("the work fails after the insert");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(f.store().findKeys(List.of(key.hash()))).isEmpty();
    assertThat(f.store().keysOwnedBy(id)).isEmpty();
  }

  /**
   * An account and its key are created together or not at all: when the key exists, the account is
   * not created and the caller is handed the key that won.
   */
  @Test
  default void accountAndKeyAreCreatedTogether() {
    LedgerFixture f = tck();
    AccountId owner = f.activeId(100);
    IdHash hash = LedgerFixture.randomHash();
    AccountId winner = AccountId.random();
    AccountId loser = AccountId.random();

    Map<IdHash, AccountKey> first =
        f.ledger()
            .createWithKeys(
                List.of(
                    Account.issued(winner, LedgerFixture.randomHash(), LedgerFixture.EUR, never())),
                List.of(new AccountKey(hash, winner, owner, "envelope:x")));
    Map<IdHash, AccountKey> second =
        f.ledger()
            .createWithKeys(
                List.of(
                    Account.issued(loser, LedgerFixture.randomHash(), LedgerFixture.EUR, never())),
                List.of(new AccountKey(hash, loser, owner, "envelope:x")));

    assertThat(first).isEmpty();
    assertThat(requireNonNull(second.get(hash)).account()).isEqualTo(winner);
    assertThat(f.ledger().account(winner)).isPresent();
    assertThat(f.ledger().account(loser)).isEmpty();
    assertThat(f.ledger().keysOwnedBy(owner)).hasSize(1);
  }

  /**
   * Keys set on a batch commit with it when every command is applied, are not written when a
   * command is refused (nor again on a replay), and a key that exists fails the whole batch.
   */
  @Test
  default void batchKeysCommitOnlyWithAnAppliedBatch() {
    LedgerFixture f = tck();
    AccountId from = f.activeId(100);
    AccountId to = f.activeId(1);
    AccountKey applied = new AccountKey(LedgerFixture.randomHash(), to, from, "successor");
    AccountKey refused = new AccountKey(LedgerFixture.randomHash(), to, from, "never");
    TransferId move = TransferId.random();

    List<CommandResult> ok =
        f.submit(
            LedgerBatch.create()
                .addLinked(Commands.debit(move, from, to, 60), Commands.block(from))
                .withKeys(List.of(applied)));
    List<CommandResult> replay =
        f.submit(
            LedgerBatch.create()
                .add(Commands.debit(move, from, to, 60))
                .withKeys(List.of(applied)));
    List<CommandResult> no =
        f.submit(
            LedgerBatch.create()
                .add(Commands.debit(TransferId.random(), to, from, 1_000))
                .withKeys(List.of(refused)));

    assertThat(ok).allSatisfy(r -> assertThat(r.applied()).isTrue());
    assertThat(replay.get(0).replayed()).isTrue();
    assertThat(no.get(0).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(f.store().findKeys(List.of(applied.hash(), refused.hash())))
        .isEqualTo(Map.of(applied.hash(), applied));
    assertThat(f.account(from).state()).isEqualTo(AccountState.BLOCKED);
    TransferId late = TransferId.random();
    assertThatThrownBy(
            () ->
                f.submit(
                    LedgerBatch.create()
                        .add(Commands.debit(late, to, f.revenue(), 10))
                        .withKeys(List.of(new AccountKey(applied.hash(), from, to, "taken")))))
        .isInstanceOf(KeyExistsException.class);
    assertThat(f.ledger().transfer(late)).isEmpty();
    assertThat(f.account(to).posted()).isEqualTo(61);
  }

  /** Many threads creating an account under one key: exactly one account and one key. */
  @Test
  default void concurrentCreationUnderOneKeyMakesOneAccount() throws Exception {
    LedgerFixture f = tck();
    AccountId owner = f.activeId(100);
    IdHash hash = LedgerFixture.randomHash();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AccountId>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  AccountId mine = AccountId.random();
                  start.await();
                  Map<IdHash, AccountKey> existed =
                      f.ledger()
                          .createWithKeys(
                              List.of(
                                  Account.issued(
                                      mine,
                                      LedgerFixture.randomHash(),
                                      LedgerFixture.EUR,
                                      never())),
                              List.of(new AccountKey(hash, mine, owner, "sub:race")));
                  return existed.isEmpty() ? mine : requireNonNull(existed.get(hash)).account();
                }));
      }
      start.countDown();
      List<AccountId> seen = new ArrayList<>();
      for (Future<AccountId> fu : futures) {
        seen.add(fu.get());
      }
      AccountId stored = requireNonNull(f.store().findKeys(List.of(hash)).get(hash)).account();
      assertThat(seen).containsOnly(stored);
      assertThat(f.store().keysOwnedBy(owner)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ExpiryPolicy never() {
    return ExpiryPolicy.never();
  }
}
