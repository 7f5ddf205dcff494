package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.tck.LedgerFixture;
import dev.idsettle.tck.LedgerStoreContract;
import dev.idsettle.tck.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The walk for an account's due holds stops once it has found holds worth the account's reserved
 * amount; these check that it never stops before an open hold, wherever it lies in the history.
 */
class DueHoldsTest {
  private final MutableClock clock = MutableClock.at(LedgerStoreContract.START);
  private final LedgerFixture f = LedgerFixture.over(MemoryStore.create(), clock);

  @Test
  void aDueHoldDeepInTheHistoryIsReleasedAtTheNextDebit() {
    AccountId id = f.activeId(1_000_000);
    TransferId old = TransferId.random();
    assertThat(f.hold(old, id, 500, Duration.ofMinutes(1)).applied()).isTrue();
    TransferId voided = TransferId.random();
    assertThat(f.hold(voided, id, 300, Duration.ofHours(1)).applied()).isTrue();
    assertThat(f.submit(LedgerCommand.voidHold(TransferId.random(), voided, "void")).applied())
        .isTrue();
    for (int i = 0; i < 2_000; i++) {
      f.debit(id, 1);
    }
    TransferId recent = TransferId.random();
    assertThat(f.hold(recent, id, 200, Duration.ofHours(1)).applied()).isTrue();
    for (int i = 0; i < 500; i++) {
      f.debit(id, 1);
    }
    assertThat(f.account(id).reserved()).isEqualTo(700);

    clock.advance(Duration.ofMinutes(2));
    assertThat(f.debit(id, 1).applied()).isTrue();

    // the old hold expired at this debit; the recent one, newer than it, is still open
    assertThat(f.account(id).reserved()).isEqualTo(200);
    assertThat(f.account(id).posted()).isEqualTo(1_000_000 - 2_501);
    assertThat(f.violations()).isEmpty();
  }

  @Test
  void severalDueHoldsAmongOpenOnesAreAllReleased() {
    AccountId id = f.activeId(1_000_000);
    for (int i = 0; i < 20; i++) {
      // even holds time out in a minute, odd ones in an hour, with debits between them
      Duration timeout = i % 2 == 0 ? Duration.ofMinutes(1) : Duration.ofHours(1);
      assertThat(f.hold(TransferId.random(), id, 10 + i, timeout).applied()).isTrue();
      for (int d = 0; d < 50; d++) {
        f.debit(id, 1);
      }
    }
    long odd = 0;
    for (int i = 1; i < 20; i += 2) {
      odd += 10 + i;
    }

    clock.advance(Duration.ofMinutes(2));
    assertThat(f.debit(id, 1).applied()).isTrue();

    assertThat(f.account(id).reserved()).isEqualTo(odd);
    assertThat(f.violations()).isEmpty();
  }
}
