package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
