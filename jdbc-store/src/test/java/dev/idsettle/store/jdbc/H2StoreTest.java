package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL layer on an H2 file database under target/. */
class H2StoreTest extends JdbcStoreContractBase {
  static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = TestDatabases.h2Pool(TestDatabases.newH2Url("store"), 4);
    SchemaMigrator.of(pool).migrate();
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  JdbcStore store() {
    return JdbcStore.builder(pool).build();
  }

  /** H2 always reads under lock: the ledger keeps no account images for it. */
  @Test
  void h2TakesNoBelievedImages() {
    assertThat(store.takesBelievedImages()).isFalse();
  }
}
