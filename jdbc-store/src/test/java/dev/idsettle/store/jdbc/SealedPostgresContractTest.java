package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.audit.AuditReport;
import dev.idsettle.audit.LedgerAudit;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.Sealer;
import dev.idsettle.tck.LedgerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store TCK on a sealing Postgres store: every scenario passes with seals written, and the
 * ledger all of them leave behind verifies clean.
 */
class SealedPostgresContractTest extends LedgerStoreContract {
  static final byte[] KEY = TamperEvidenceBase.randomKey();
  static HikariDataSource pool;
  static JdbcStore store;

  @BeforeAll
  static void open() {
    pool = TestDatabases.newPostgresPool(6);
    SchemaMigrator.of(pool).migrate();
    store = JdbcStore.builder(pool).sealingKey(KEY).build();
  }

  @AfterAll
  static void auditAndClose() {
    try {
      AuditReport report = LedgerAudit.check(store, Sealer.withKey(KEY));
      assertThat(report.findings()).isEmpty();
      assertThat(report.transfers()).isGreaterThan(100);
    } finally {
      pool.close();
    }
  }

  @Override
  protected LedgerStore newStore() {
    return store;
  }
}
