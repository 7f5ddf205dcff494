package dev.idsettle.metering.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.ChargeItem;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.Outcome;
import dev.idsettle.metering.SessionAnswer;
import dev.idsettle.metering.SessionAnswer.Ended;
import dev.idsettle.metering.SessionAnswer.Granted;
import dev.idsettle.metering.SessionIds;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Prepaid calls on the memory store, driven by a test clock. Tariff: France by day, 5 cents to
 * connect, 21 cents a minute billed 30/6: 60 s cost 26, 71 s cost 31, 126 s cost 50.
 */
class CallControlTest {
  final CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate());

  @AfterEach
  void close() {
    f.close();
  }

  static Granted granted(SessionAnswer a) {
    assertThat(a).isInstanceOf(Granted.class);
    return (Granted) a;
  }

  static Ended ended(SessionAnswer a, Outcome outcome) {
    assertThat(a).isInstanceOf(Ended.class);
    assertThat(((Ended) a).outcome()).isEqualTo(outcome);
    return (Ended) a;
  }

  @Test
  void aCallThatEndsNormally() {
    IdNumber id = f.newId(1000);
    Granted first = granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    assertThat(first.grantEnd()).isEqualTo(60);
    // the first grant's hold: the fee, the first block and the rest of the slice, worst case
    assertThat(f.account(id).reserved()).isEqualTo(26);
    f.clock.advance(Duration.ofSeconds(55));
    assertThat(granted(f.calls.report("c1", 1, 55)).grantEnd()).isEqualTo(114); // 30 + 14 x 6
    f.clock.advance(Duration.ofSeconds(16));
    Ended end = ended(f.calls.hangUp("c1", 2, 71), Outcome.COMPLETED);
    assertThat(end.charged()).isEqualTo(31);
    Account after = f.account(id);
    assertThat(after.posted()).isEqualTo(1000 - 31);
    assertThat(after.reserved()).isZero();
    assertThat(f.revenue()).isEqualTo(31);
    CallRecord r = f.record("c1");
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(r.charge().amount()).isEqualTo(31).isEqualTo(r.collected());
    assertThat(r.charge().items().stream().mapToLong(ChargeItem::amount).sum()).isEqualTo(31);
    assertThat(r.destination()).isEqualTo("3314567****");
    assertThat(r.who()).doesNotContain(id.digits());
    // the record names its captures, and they derive from the session: the last one carries it
    assertThat(r.captures())
        .containsExactly(SessionIds.capture("phone", "c1", 1), SessionIds.record("phone", "c1"));
    long captured =
        r.captures().stream()
            .map(t -> f.settle.ledger().transfer(t).orElseThrow())
            .mapToLong(Transfer::amount)
            .sum();
    assertThat(captured).isEqualTo(31);
    assertThat(f.calls.explain("c1")).contains("connection fee").contains("EUR 0.31");
    assertThat(f.line.events).containsExactly("connect c1");
  }

  @Test
  void aCallCutAtZeroLeavesTheIdExhausted() {
    IdNumber id = f.newId(50);
    assertThat(granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE)).grantEnd())
        .isEqualTo(60);
    Granted second = granted(f.calls.report("c1", 1, 60));
    assertThat(second.grantEnd()).isEqualTo(120);
    assertThat(second.finalGrant()).isFalse();
    Granted last = granted(f.calls.report("c1", 2, 120));
    assertThat(last.grantEnd()).isEqualTo(126);
    assertThat(last.finalGrant()).isTrue();
    ended(f.calls.report("c1", 3, 126), Outcome.CUT_AT_ZERO);
    assertThat(f.line.events)
        .containsExactly("connect c1", "warn c1 6", "disconnect c1 CUT_AT_ZERO");
    Account after = f.account(id);
    assertThat(after.posted()).isZero();
    assertThat(after.reserved()).isZero();
    assertThat(after.state()).isEqualTo(AccountState.EXHAUSTED);
    assertThat(f.record("c1").charge().amount()).isEqualTo(50);
    // an exhausted ID is refused, and the refusal has its record
    ended(f.calls.dial("c2", "0800", id, CallFixture.FRANCE), Outcome.REFUSED_EXHAUSTED);
    assertThat(f.record("c2").outcome()).isEqualTo(Outcome.REFUSED_EXHAUSTED);
  }

  @Test
  void aCallAcrossManySlices() {
    IdNumber id = f.newId(100_000);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    long seconds = 0;
    for (int seq = 1; seq <= 30; seq++) {
      seconds += 60;
      f.clock.advance(Duration.ofSeconds(60));
      assertThat(granted(f.calls.report("c1", seq, seconds)).grantEnd()).isEqualTo(seconds + 60);
    }
    ended(f.calls.hangUp("c1", 31, seconds + 17), Outcome.COMPLETED);
    long expected =
        CallFixture.tariff()
                    .price(CallFixture.FRANCE, CallFixture.NOON, Duration.ofSeconds(seconds + 17))
                instanceof dev.idsettle.metering.tariff.Quote.Rated q
            ? q.price().amount()
            : -1;
    assertThat(f.account(id).posted()).isEqualTo(100_000 - expected);
    assertThat(f.record("c1").captures()).hasSize(31);
    assertThat(f.record("c1").collected()).isEqualTo(expected);
  }

  @Test
  void aFirstBlockTheBalanceDoesNotCoverIsRefused() {
    IdNumber id = f.newId(15); // the first block costs 15.5 -> 16
    ended(f.calls.dial("c1", "0800", id, CallFixture.FRANCE), Outcome.REFUSED_INSUFFICIENT_BALANCE);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.line.events).containsExactly("disconnect c1 REFUSED_INSUFFICIENT_BALANCE");
  }

  @Test
  void aRepeatedUpdateIsANoOp() {
    IdNumber id = f.newId(1000);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    SessionAnswer once = f.calls.report("c1", 1, 60);
    Account before = f.account(id);
    int transfers = f.settle.ledger().transfers(before.id(), 0, 100).size();
    assertThat(f.calls.report("c1", 1, 60)).isEqualTo(once);
    assertThat(f.calls.report("c1", 1, 90)).isEqualTo(once);
    assertThat(f.account(id)).isEqualTo(before);
    assertThat(f.settle.ledger().transfers(before.id(), 0, 100)).hasSize(transfers);
    // a repeated open too
    assertThat(f.calls.dial("c1", "0800", id, CallFixture.FRANCE)).isInstanceOf(Granted.class);
    assertThat(f.account(id)).isEqualTo(before);
  }

  @Test
  void anUnknownPrefixIsRefusedAndRecorded() {
    IdNumber id = f.newId(1000);
    ended(f.calls.dial("c1", "0800", id, "99912345"), Outcome.REFUSED_NOT_RATED);
    assertThat(f.record("c1").message()).isEqualTo("no rate for destination ****2345");
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.line.events).containsExactly("disconnect c1 REFUSED_NOT_RATED");
  }

  @Test
  void unknownAndUnsoldIdsAreRefusedAlike() {
    IdNumber unsold =
        f.settle.issuer().issue(1, dev.idsettle.ledger.ExpiryPolicy.never()).ids().get(0);
    IdNumber unknown =
        dev.idsettle.id.IdNumberGenerator.secure(dev.idsettle.id.IdNumberFormat.DEFAULT).next();
    Ended a =
        ended(f.calls.dial("c1", "0800", unsold, CallFixture.FRANCE), Outcome.REFUSED_UNKNOWN_ID);
    Ended b =
        ended(f.calls.dial("c2", "0800", unknown, CallFixture.FRANCE), Outcome.REFUSED_UNKNOWN_ID);
    assertThat(a.message().replace(unsold.masked(), "ID"))
        .isEqualTo(b.message().replace(unknown.masked(), "ID"));
    // both recorded, and the records say nothing more of one than of the other
    assertThat(f.record("c1").account()).isNull();
    assertThat(f.record("c2").account()).isNull();
    assertThat(f.record("c1").outcome()).isEqualTo(f.record("c2").outcome());
  }

  @Test
  void anIdBlockedDuringACallIsCutAtTheNextUpdate() {
    IdNumber id = f.newId(1000);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    f.block(id);
    ended(f.calls.report("c1", 1, 30), Outcome.CUT_NOT_USABLE);
    // what was used under the grant is charged; nothing more is reserved
    assertThat(f.account(id).posted()).isEqualTo(1000 - 16);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.line.events).containsExactly("connect c1", "disconnect c1 CUT_NOT_USABLE");
  }

  @Test
  void anIdMergedDuringACallIsCutAtTheNextUpdate() {
    IdNumber id = f.newId(1000);
    IdNumber other = f.newId(10);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    f.merge(id, other);
    ended(f.calls.report("c1", 1, 60), Outcome.CUT_NOT_USABLE);
    assertThat(f.account(id).posted()).isZero();
    assertThat(f.account(other).posted()).isEqualTo(10 + 1000 - 26);
  }

  @Test
  void aRefundDuringACallShrinksIt() {
    IdNumber id = f.newId(1000);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    f.refund(id, 934); // 40 left besides the 26 held
    assertThat(granted(f.calls.report("c1", 1, 60)).grantEnd()).isEqualTo(120);
    Granted shrunk = granted(f.calls.report("c1", 2, 120));
    assertThat(shrunk.grantEnd()).isEqualTo(174);
    assertThat(shrunk.finalGrant()).isTrue();
    ended(f.calls.report("c1", 3, 174), Outcome.CUT_AT_ZERO);
    assertThat(f.account(id).posted()).isZero();
    assertThat(f.record("c1").collected()).isEqualTo(66);
  }

  @Test
  void aTopUpDuringACallLetsItGoOn() {
    IdNumber id = f.newId(50);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    granted(f.calls.report("c1", 1, 60));
    assertThat(granted(f.calls.report("c1", 2, 120)).finalGrant()).isTrue();
    f.topUp(id, 1000);
    Granted more = granted(f.calls.report("c1", 3, 126));
    assertThat(more.grantEnd()).isEqualTo(186);
    assertThat(more.finalGrant()).isFalse();
    ended(f.calls.hangUp("c1", 4, 150), Outcome.COMPLETED);
    assertThat(f.account(id).posted()).isEqualTo(1050 - 58); // 150 s: 15.5 + 20 x 2.1 = 57.5 -> 58
  }
}
