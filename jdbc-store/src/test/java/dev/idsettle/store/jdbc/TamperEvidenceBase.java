package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.audit.AuditFinding;
import dev.idsettle.audit.AuditReport;
import dev.idsettle.audit.FindingKind;
import dev.idsettle.audit.LedgerAudit;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import dev.idsettle.spi.Sealer;
import dev.idsettle.tck.Commands;
import dev.idsettle.tck.LedgerFixture;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence on a real database: a ledger written by a sealing store under a concurrent
 * workload verifies clean, and each change made directly in SQL (a balance, a transfer's amount, a
 * deleted transfer, a removed seal) is found and named by {@link LedgerAudit}. One subclass per
 * dialect.
 */
abstract class TamperEvidenceBase {
  static final byte[] KEY = randomKey();
  static final int THREADS = 4;
  static final int IDS = 6;
  static final int ROUNDS = 12;

  HikariDataSource pool;
  JdbcStore store;
  Ledger ledger;
  AccountId cash;
  AccountId revenue;
  final List<AccountId> ids = new ArrayList<>();

  /** A pool over a new, empty database of the dialect. */
  abstract HikariDataSource newPool();

  /** The ledger's group commit size in the workload (0: off). */
  int groupCommit() {
    return 16;
  }

  @BeforeEach
  void open() {
    pool = newPool();
    SchemaMigrator.of(pool).migrate();
    store = JdbcStore.builder(pool).sealingKey(KEY).build();
    ledger = Ledger.builder(store).groupCommit(groupCommit()).build();
    cash = AccountId.random();
    revenue = AccountId.random();
    ledger.createAccounts(
        List.of(
            Account.operator(cash, LedgerFixture.EUR),
            Account.operator(revenue, LedgerFixture.EUR)));
  }

  @AfterEach
  void close() {
    ledger.close();
    pool.close();
  }

  /** Activates {@link #IDS} IDs, then spends them from {@link #THREADS} threads at once. */
  void concurrentWorkload() throws Exception {
    for (int i = 0; i < IDS; i++) {
      AccountId id = AccountId.random();
      IdHash hash = LedgerFixture.randomHash();
      ledger.createAccounts(
          List.of(
              Account.issued(
                  id, hash, LedgerFixture.EUR, dev.idsettle.ledger.ExpiryPolicy.never())));
      ledger.submit(
          LedgerBatch.create()
              .addLinked(Commands.activation(TransferId.random(), id, cash, 1_000)));
      ids.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < ROUNDS; r++) {
                    AccountId id = ids.get((thread + r) % IDS);
                    spend(id, r);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void spend(AccountId id, int round) {
    Description call = Description.of("call.v1", "{\"round\":" + round + "}");
    switch (round % 4) {
      case 0, 1 ->
          ledger.submit(
              LedgerBatch.create()
                  .add(Commands.debit(TransferId.random(), id, revenue, 7).describedAs(call)));
      case 2 -> {
        TransferId hold = TransferId.random();
        ledger.submit(
            LedgerBatch.create().add(Commands.hold(hold, id, revenue, 30, Duration.ofMinutes(5))));
        ledger.submit(LedgerBatch.create().add(Commands.capture(TransferId.random(), hold, 20)));
      }
      default -> // refused and recorded: chained like any other
          ledger.submit(
              LedgerBatch.create()
                  .add(Commands.debit(TransferId.random(), id, revenue, 1_000_000)));
    }
  }

  @Test
  void untouchedLedgerAfterConcurrentWorkVerifiesClean() throws Exception {
    concurrentWorkload();

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));

    assertThat(report.findings()).isEmpty();
    assertThat(report.transfers()).isGreaterThan((long) THREADS * ROUNDS);
    assertThat(report.accounts()).isEqualTo(IDS + 2);
    assertThat(report.unsealedTransfers()).isZero();
  }

  @Test
  void anotherKeyVerifiesNothing() throws Exception {
    concurrentWorkload();

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(randomKey()));

    assertThat(report.findings())
        .extracting(AuditFinding::kind)
        .contains(FindingKind.TRANSFER_SEAL_MISMATCH, FindingKind.ACCOUNT_SEAL_MISMATCH);
  }

  @Test
  void editedBalanceIsFoundAndNamed() throws Exception {
    concurrentWorkload();
    AccountId victim = ids.get(2);

    sql("UPDATE idsettle_account SET posted = posted + 500 WHERE id = ?", victim.value());

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));
    assertThat(report.tampering())
        .extracting(AuditFinding::kind, AuditFinding::account)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(FindingKind.ACCOUNT_SEAL_MISMATCH, victim),
            org.assertj.core.groups.Tuple.tuple(FindingKind.BALANCE_MISMATCH, victim));
  }

  @Test
  void editedAmountIsFoundAndNamed() throws Exception {
    concurrentWorkload();
    Transfer victim = middleDebitOf(ids.get(1));

    sql("UPDATE idsettle_transfer SET amount = amount + 1 WHERE seq = ?", seqOf(victim.id()));

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));
    assertThat(report.tampering())
        .filteredOn(f -> f.kind() == FindingKind.TRANSFER_SEAL_MISMATCH)
        .singleElement()
        .extracting(AuditFinding::transfer)
        .isEqualTo(victim.id());
    // the amount moved in the journal no longer matches either balance
    assertThat(report.tampering())
        .filteredOn(f -> f.kind() == FindingKind.BALANCE_MISMATCH)
        .extracting(AuditFinding::account)
        .containsExactlyInAnyOrder(ids.get(1), revenue);
  }

  @Test
  void deletedTransferIsFoundAndTheNextOneNamed() throws Exception {
    concurrentWorkload();
    AccountId account = ids.get(3);
    List<Transfer> journal = ledger.transfers(account, 0, 1000);
    Transfer victim = middleDebitOf(account);
    Transfer next = journal.get(journal.indexOf(victim) + 1);

    sql("DELETE FROM idsettle_transfer WHERE seq = ?", seqOf(victim.id()));

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));
    assertThat(report.tampering())
        .filteredOn(f -> f.kind() == FindingKind.TRANSFER_SEAL_MISMATCH)
        .extracting(AuditFinding::transfer)
        .contains(next.id());
    assertThat(report.tampering())
        .filteredOn(f -> f.kind() == FindingKind.BALANCE_MISMATCH)
        .extracting(AuditFinding::account)
        .contains(account);
  }

  @Test
  void deletedLastTransferIsFoundAtTheChainHead() throws Exception {
    concurrentWorkload();
    AccountId account = ids.get(0);
    TransferId last = TransferId.random();
    ledger.submit(LedgerBatch.create().add(Commands.debit(last, account, revenue, 3)));

    // the insider deletes the debit and puts the balance back as it was
    sql("DELETE FROM idsettle_transfer WHERE seq = ?", seqOf(last));
    sql("UPDATE idsettle_account SET posted = posted + 3 WHERE id = ?", account.value());
    sql("UPDATE idsettle_account SET posted = posted - 3 WHERE id = ?", revenue.value());

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));
    assertThat(report.tampering())
        .filteredOn(f -> f.kind() == FindingKind.CHAIN_HEAD_MISMATCH)
        .extracting(AuditFinding::account)
        .containsExactlyInAnyOrder(account, revenue);
  }

  @Test
  void removedSealIsNotMistakenForAnOldRow() throws Exception {
    concurrentWorkload();
    Transfer victim = middleDebitOf(ids.get(4));

    sql("UPDATE idsettle_transfer SET seal = NULL WHERE seq = ?", seqOf(victim.id()));

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));
    assertThat(report.tampering())
        .filteredOn(f -> f.kind() == FindingKind.TRANSFER_UNSEALED)
        .extracting(AuditFinding::transfer)
        .containsExactly(victim.id());
  }

  /**
   * The findings come from the seals: a verifier that does not see them (a journal that hides them)
   * finds nothing wrong with an edited amount whose balances were edited to match.
   */
  @Test
  void aVerifierBlindToSealsFindsNothing() throws Exception {
    concurrentWorkload();
    AccountId account = ids.get(1);
    Transfer victim = middleDebitOf(account);
    sql("UPDATE idsettle_transfer SET amount = amount + 1 WHERE seq = ?", seqOf(victim.id()));
    sql("UPDATE idsettle_account SET posted = posted - 1 WHERE id = ?", account.value());
    sql("UPDATE idsettle_account SET posted = posted + 1 WHERE id = ?", revenue.value());

    AuditReport blind = LedgerAudit.check(withoutSeals(store), Sealer.withKey(KEY));
    AuditReport real = LedgerAudit.check(store, Sealer.withKey(KEY));

    assertThat(blind.tampering()).isEmpty();
    assertThat(real.tampering())
        .extracting(AuditFinding::kind, AuditFinding::transfer)
        .contains(
            org.assertj.core.groups.Tuple.tuple(FindingKind.TRANSFER_SEAL_MISMATCH, victim.id()));
  }

  /**
   * Rows written without a seal (before schema version 5, or by a store without a key) are named as
   * predating the chain, not as tampered; the sealed rows after them verify.
   */
  @Test
  void rowsWrittenBeforeSealingPredateTheChain() {
    JdbcStore unsealed = JdbcStore.builder(pool).build();
    AccountId id = AccountId.random();
    try (Ledger old = Ledger.over(unsealed)) {
      old.createAccounts(
          List.of(
              Account.issued(
                  id,
                  LedgerFixture.randomHash(),
                  LedgerFixture.EUR,
                  dev.idsettle.ledger.ExpiryPolicy.never())));
      old.submit(
          LedgerBatch.create().addLinked(Commands.activation(TransferId.random(), id, cash, 100)));
      old.submit(LedgerBatch.create().add(Commands.debit(TransferId.random(), id, revenue, 10)));
    }
    ledger.submit(LedgerBatch.create().add(Commands.debit(TransferId.random(), id, revenue, 5)));
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(85);

    AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));

    assertThat(report.tampering()).isEmpty();
    assertThat(report.unsealedTransfers()).isEqualTo(2);
    assertThat(report.findings())
        .filteredOn(f -> f.kind() == FindingKind.PREDATES_CHAIN)
        .extracting(AuditFinding::account)
        .containsExactlyInAnyOrder(id, cash, revenue);
  }

  private Transfer middleDebitOf(AccountId account) {
    List<Transfer> debits =
        ledger.transfers(account, 0, 1000).stream()
            .filter(t -> t.debit().equals(account) && t.moves())
            .toList();
    assertThat(debits).hasSizeGreaterThan(2);
    return debits.get(debits.size() / 2);
  }

  private long seqOf(TransferId id) throws SQLException {
    for (SealedTransfer t : store.sealedJournal().orElseThrow().transfers(0, 100_000)) {
      if (t.transfer().id().equals(id)) {
        return t.position();
      }
    }
    throw new IllegalStateException("no transfer " + id);
  }

  private void sql(String statement, long value) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      ps.setLong(1, value);
      assertThat(ps.executeUpdate()).as(statement).isEqualTo(1);
    }
  }

  private static LedgerStore withoutSeals(LedgerStore store) {
    SealedJournal journal = store.sealedJournal().orElseThrow();
    SealedJournal blind =
        new SealedJournal() {
          @Override
          public List<SealedAccount> accounts(long afterId, int limit) {
            return journal.accounts(afterId, limit).stream()
                .map(a -> new SealedAccount(a.account(), null, null))
                .toList();
          }

          @Override
          public List<SealedTransfer> transfers(long afterPosition, int limit) {
            return journal.transfers(afterPosition, limit).stream()
                .map(t -> new SealedTransfer(t.position(), t.transfer(), null))
                .toList();
          }
        };
    return new ForwardingLedgerStore() {
      @Override
      protected LedgerStore delegate() {
        return store;
      }

      @Override
      public Optional<SealedJournal> sealedJournal() {
        return Optional.of(blind);
      }
    };
  }

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
