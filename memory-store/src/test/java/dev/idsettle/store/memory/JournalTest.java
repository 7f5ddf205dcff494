package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.RetryableStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Transfers in records and chains, through the store's SPI and directly. */
class JournalTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private final MemoryStore store = MemoryStore.create();
  private final AccountId a = AccountId.random();
  private final AccountId b = AccountId.random();

  @Test
  void pagesOfALongChainMatchItsWriteOrderAtEveryOffset() {
    createOperators(a, b);
    List<Transfer> written = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      // both directions, so that the chain runs through debit and credit links
      Transfer t = i % 3 == 0 ? post(b, a, i) : post(a, b, i);
      written.add(t);
    }
    for (int i = 0; i < written.size(); i += 100) {
      write(written.subList(i, i + 100));
    }

    for (int offset : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 1000, 2999, 3000, 5000}) {
      for (int limit : new int[] {1, 7, 64, 200}) {
        int end = Math.min(written.size(), offset + limit);
        List<Transfer> expected = offset >= end ? List.of() : written.subList(offset, end);
        assertThat(store.transfersOf(a, offset, limit))
            .as("a %d+%d", offset, limit)
            .isEqualTo(expected);
        assertThat(store.transfersOf(b, offset, limit))
            .as("b %d+%d", offset, limit)
            .isEqualTo(expected);
      }
    }
    assertThat(store.transfersOf(a, 0, Integer.MAX_VALUE)).isEqualTo(written);
    assertThat(store.transfersOf(a, 10, 0)).isEmpty();
    assertThatThrownBy(() -> store.transfersOf(a, -1, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTransferOfAnAccountNotYetCreatedIsListedOnceTheAccountExists() {
    createOperators(a);
    Transfer before = post(a, b, 5);
    write(List.of(before));
    assertThat(store.findAccount(b)).isEmpty();
    assertThat(store.transfersOf(b, 0, 10)).containsExactly(before);

    createOperators(b);
    Transfer after = post(b, a, 3);
    write(List.of(after));

    assertThat(store.transfersOf(b, 0, 10)).containsExactly(before, after);
    assertThat(store.transfersOf(a, 0, 10)).containsExactly(before, after);
  }

  @Test
  void aTransferFromAnAccountToItselfIsListedOnce() {
    createOperators(a);
    Transfer self = post(a, a, 1);
    Transfer next = post(a, b, 2);
    write(List.of(self, next));

    assertThat(store.transfersOf(a, 0, 10)).containsExactly(self, next);
  }

  @Test
  void transfersWhoseIdsShareAnIndexHashAreToldApart() {
    createOperators(a, b);
    long high1 = 12345;
    long high2 = 67890;
    long low1 = 1;
    long low2 = SlotHash.mix(high1) ^ low1 ^ SlotHash.mix(high2);
    assertThat(SlotHash.of(high1, low1)).isEqualTo(SlotHash.of(high2, low2));
    Transfer one = post(new TransferId(high1, low1), a, b, 1);
    Transfer two = post(new TransferId(high2, low2), a, b, 2);
    write(List.of(one, two));

    assertThat(store.journal.find(one.id())).isEqualTo(one);
    assertThat(store.journal.find(two.id())).isEqualTo(two);
    assertThat(store.journal.find(new TransferId(high1, low2))).isNull();
  }

  @Test
  void everyOptionalAndOutOfRangeFieldReadsBack() {
    TransferRecords records = new TransferRecords(1);
    TransferId hold = TransferId.random();
    List<Transfer> transfers =
        List.of(
            post(a, b, 1), // takes the only code number
            withCode(post(a, b, 2), "beyond the code table"),
            new Transfer(
                hold,
                a,
                b,
                9,
                TransferKind.HOLD,
                null,
                Instant.MAX,
                HoldState.OPEN,
                null,
                "t",
                Instant.MIN),
            new Transfer(
                TransferId.random(),
                a,
                b,
                0,
                TransferKind.VOID,
                hold,
                null,
                HoldState.NONE,
                Refusal.ID_REUSED,
                "t",
                Instant.parse("2026-05-06T07:08:09.123456789Z")));
    List<Integer> numbers = new ArrayList<>();
    for (Transfer t : transfers) {
      numbers.add(records.append(t));
    }

    for (int i = 0; i < transfers.size(); i++) {
      assertThat(records.read(numbers.get(i))).isEqualTo(transfers.get(i));
    }
    int holdRecord = numbers.get(2);
    records.setHoldState(holdRecord, HoldState.CAPTURED);
    assertThat(records.read(holdRecord))
        .isEqualTo(transfers.get(2).withHoldState(HoldState.CAPTURED));
    assertThat(records.timeout(holdRecord)).isEqualTo(Instant.MAX);
    assertThat(records.kind(holdRecord)).isEqualTo(TransferKind.HOLD);
  }

  @Test
  void aDuplicateIdWithinOneWriteCommitsNothing() {
    createOperators(a, b);
    Transfer t = post(a, b, 1);

    assertThatThrownBy(() -> write(List.of(t, t))).isInstanceOf(RetryableStoreException.class);
    assertThat(store.journal.find(t.id())).isNull();
    assertThat(store.transfersOf(a, 0, 10)).isEmpty();
  }

  private void createOperators(AccountId... ids) {
    List<Account> accounts = new ArrayList<>();
    for (AccountId id : ids) {
      accounts.add(Account.operator(id, EUR));
    }
    Set<AccountId> existing = store.transact(tx -> tx.insertAccounts(accounts));
    assertThat(existing).isEmpty();
  }

  private void write(List<Transfer> transfers) {
    store.transact(
        tx -> {
          tx.lock(List.of(a, b), List.of());
          tx.write(new Changes(List.of(), transfers, List.of()));
          return Boolean.TRUE;
        });
  }

  private static Transfer post(AccountId debit, AccountId credit, long amount) {
    return post(TransferId.random(), debit, credit, amount);
  }

  private static Transfer post(TransferId id, AccountId debit, AccountId credit, long amount) {
    return TestTransfers.post(id, debit, credit, amount);
  }

  private static Transfer withCode(Transfer t, String code) {
    return new Transfer(
        t.id(),
        t.debit(),
        t.credit(),
        t.amount(),
        t.kind(),
        t.pendingId(),
        t.timeout(),
        t.holdState(),
        t.refusal(),
        code,
        t.timestamp());
  }
}
