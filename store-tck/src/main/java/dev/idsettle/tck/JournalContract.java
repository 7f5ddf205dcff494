package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store lists its rows ({@link dev.idsettle.spi.LedgerStore#journal()}): every account once, in
 * ascending id order, as {@code findAccount} reads it; every transfer once, in the order written,
 * as the ledger reads it, a resolved hold with its new state; pages that join without a gap or an
 * overlap. Part of {@link LedgerStoreContract}; one database may hold other tests' rows, which the
 * checks step over.
 */
public interface JournalContract extends ContractTest {
  /** The page size of the walk over every transfer (other tests' rows included). */
  int WALK = 500;

  /** Every account and transfer this test wrote is listed once, in order, as it is. */
  @Test
  default void journalListsEveryRowOnceInOrder() {
    LedgerFixture f = tck();
    AccountId a = f.activeId(100);
    AccountId b = f.activeId(100);
    TransferId debit = TransferId.random();
    TransferId hold = TransferId.random();
    TransferId capture = TransferId.random();
    TransferId refused = TransferId.random();
    f.submit(Commands.debit(debit, a, f.revenue(), 30));
    f.submit(Commands.hold(hold, b, f.revenue(), 20, Duration.ofMinutes(5)));
    f.submit(Commands.capture(capture, hold, 15));
    f.submit(LedgerBatch.create().add(Commands.debit(refused, a, f.revenue(), 1_000)));
    SealedJournal journal = f.store().journal().orElseThrow();

    List<Account> mine = accountsFrom(journal, Set.of(a, b, f.cash(), f.revenue()));
    assertThat(mine)
        .containsExactlyInAnyOrder(
            f.account(a), f.account(b), f.account(f.cash()), f.account(f.revenue()));

    Map<TransferId, Long> positions = new LinkedHashMap<>();
    List<Transfer> listed = new ArrayList<>();
    long after = 0;
    Set<TransferId> wanted = Set.of(debit, hold, capture, refused);
    while (true) {
      List<SealedTransfer> page = journal.transfers(after, WALK);
      for (SealedTransfer row : page) {
        assertThat(row.position()).as("positions ascend").isGreaterThan(after);
        after = row.position();
        if (wanted.contains(row.transfer().id())) {
          assertThat(positions.put(row.transfer().id(), row.position())).as("listed once").isNull();
          listed.add(row.transfer());
        }
      }
      if (page.size() < WALK) {
        break;
      }
    }
    assertThat(listed)
        .containsExactly(
            f.ledger().transfer(debit).orElseThrow(),
            f.ledger().transfer(hold).orElseThrow(),
            f.ledger().transfer(capture).orElseThrow(),
            f.ledger().transfer(refused).orElseThrow());

    // pages of one join up: from just before the debit, the next rows of this test in order
    List<TransferId> oneByOne = new ArrayList<>();
    long from = java.util.Objects.requireNonNull(positions.get(debit)) - 1;
    while (oneByOne.size() < wanted.size()) {
      List<SealedTransfer> page = journal.transfers(from, 1);
      assertThat(page).hasSize(1);
      from = page.get(0).position();
      if (wanted.contains(page.get(0).transfer().id())) {
        oneByOne.add(page.get(0).transfer().id());
      }
    }
    assertThat(oneByOne).containsExactly(debit, hold, capture, refused);
  }

  /** Pages of accounts join up in ascending id order, each account once. */
  private static List<Account> accountsFrom(SealedJournal journal, Set<AccountId> wanted) {
    long lowest = wanted.stream().mapToLong(AccountId::value).min().orElseThrow();
    long highest = wanted.stream().mapToLong(AccountId::value).max().orElseThrow();
    List<Account> found = new ArrayList<>();
    long after = lowest - 1;
    while (after < highest) {
      List<SealedAccount> page = journal.accounts(after, 50);
      assertThat(page).as("accounts up to " + highest).isNotEmpty();
      for (SealedAccount row : page) {
        assertThat(row.account().id().value()).as("ids ascend").isGreaterThan(after);
        after = row.account().id().value();
        if (wanted.contains(row.account().id())) {
          found.add(row.account());
        }
      }
    }
    return found;
  }
}
