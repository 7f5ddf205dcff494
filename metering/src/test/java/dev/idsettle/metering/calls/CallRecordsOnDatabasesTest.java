package dev.idsettle.metering.calls;

import static dev.idsettle.metering.calls.CallControlTest.ended;
import static dev.idsettle.metering.calls.CallControlTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.ChargeItem;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.Outcome;
import dev.idsettle.metering.SessionIds;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.jdbc.TestDatabases;
import dev.idsettle.store.memory.MemoryStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Call records in the ledger, on every store: a call's record is the description of the transfer
 * that charged it (one transfer, so one transaction), every charge carries its record, refused and
 * cut calls get a record that moves nothing, and a host started later over the same store reads
 * them all, itemized.
 */
class CallRecordsOnDatabasesTest {
  @SuppressWarnings("ImmutableEnumChecker") // each constant supplies the test's pool
  enum Db {
    MEMORY(() -> null),
    H2(() -> TestDatabases.h2("calls")),
    SQLITE(() -> TestDatabases.sqlite("calls")),
    POSTGRES(TestDatabases::postgres);

    final Supplier<@Nullable HikariDataSource> pool;

    Db(Supplier<@Nullable HikariDataSource> pool) {
      this.pool = pool;
    }
  }

  private @Nullable HikariDataSource pool;
  private @Nullable LedgerStore memory;

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  /** A host over the test's store: the first one creates it, a later one opens it again. */
  private CallFixture host(Db db) {
    if (db == Db.MEMORY) {
      if (memory == null) {
        memory = MemoryStore.create();
      }
      return new CallFixture(memory, FailureHandling.terminate());
    }
    if (pool == null) {
      pool = db.pool.get();
      SchemaMigrator.of(Objects.requireNonNull(pool)).migrate();
    }
    return new CallFixture(
        JdbcStore.builder(Objects.requireNonNull(pool)).build(), FailureHandling.terminate());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aCallsRecordIsItsLastCaptureAndAnotherHostReadsItItemized(Db db) {
    CallFixture f = host(db);
    IdNumber id = f.newId(1000);
    granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
    granted(f.calls.report("c1", 1, 60));
    ended(f.calls.hangUp("c1", 2, 71), Outcome.COMPLETED);

    // the last capture is the record: one transfer, so one store transaction
    Transfer last = f.settle.ledger().transfer(SessionIds.record("phone", "c1")).orElseThrow();
    assertThat(last.kind()).isEqualTo(TransferKind.CAPTURE);
    assertThat(last.applied()).isTrue();
    assertThat(last.amount()).isEqualTo(5);
    assertThat(Objects.requireNonNull(last.description()).kind()).isEqualTo("call-record");

    CallFixture later = host(db);
    CallRecord r = later.record("c1");
    assertThat(r).isEqualTo(f.record("c1"));
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(r.collected()).isEqualTo(31).isEqualTo(r.charge().amount());
    assertThat(r.charge().items().stream().mapToLong(ChargeItem::amount).sum()).isEqualTo(31);
    assertThat(r.captures()).hasSize(2);
    assertThat(r.explain())
        .contains("connection fee (France day): 5 -> 5")
        .contains("units 30 to 72: 7 x 6 at 21/10 (France day) -> 15")
        .contains("total for 71 units (billed 72): EUR 0.31");
    assertThat(later.records.ofAccount(later.account(id).id())).containsExactly(r);
    // the record's text never holds the ID number
    assertThat(Objects.requireNonNull(last.description()).body()).doesNotContain(id.digits());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void everyChargeCarriesItsRecordAndRefusedCutAndCrashedCallsHaveOne(Db db) {
    CallFixture f = host(db);
    IdNumber cut = f.newId(50);
    granted(f.calls.dial("cut", "0800", cut, CallFixture.FRANCE));
    granted(f.calls.report("cut", 1, 60));
    granted(f.calls.report("cut", 2, 120));
    ended(f.calls.report("cut", 3, 126), Outcome.CUT_AT_ZERO);
    IdNumber crashed = f.newId(1000);
    granted(f.calls.dial("crash", "0800", crashed, CallFixture.FRANCE));
    granted(f.calls.report("crash", 1, 60));
    IdNumber unknown = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    ended(f.calls.dial("guess", "0800", unknown, CallFixture.FRANCE), Outcome.REFUSED_UNKNOWN_ID);
    ended(f.calls.dial("nowhere", "0800", crashed, "99912345"), Outcome.REFUSED_NOT_RATED);

    for (IdNumber id : List.of(cut, crashed)) {
      AccountId account = f.account(id).id();
      for (Transfer t : f.settle.ledger().transfers(account, 0, 100)) {
        boolean charge =
            t.applied() && t.debit().equals(account) && t.moves() && t.code().equals("meter:phone");
        if (charge) {
          Description d = t.description();
          assertThat(d).as("the record of charge %s", t.id()).isNotNull();
          assertThat(Objects.requireNonNull(d).kind()).isEqualTo("call-record");
        }
      }
    }
    // a host started later, with nothing of the first one's memory
    CallFixture later = host(db);
    CallRecord c = later.record("cut");
    assertThat(c.outcome()).isEqualTo(Outcome.CUT_AT_ZERO);
    long captured =
        c.captures().stream()
            .map(t -> later.settle.ledger().transfer(t).orElseThrow())
            .mapToLong(Transfer::amount)
            .sum();
    assertThat(c.collected()).isEqualTo(captured).isEqualTo(50);
    assertThat(later.account(cut).posted()).isZero();
    CallRecord crash = later.record("crash");
    assertThat(crash.outcome()).isEqualTo(Outcome.IN_PROGRESS);
    assertThat(crash.collected()).isEqualTo(26).isEqualTo(crash.charge().amount());
    CallRecord guess = later.record("guess");
    assertThat(guess.outcome()).isEqualTo(Outcome.REFUSED_UNKNOWN_ID);
    assertThat(guess.account()).isNull();
    assertThat(guess.collected()).isZero();
    assertThat(later.record("nowhere").outcome()).isEqualTo(Outcome.REFUSED_NOT_RATED);
    // the records that move nothing moved nothing
    assertThat(later.revenue()).isEqualTo(50 + 26);
  }
}
