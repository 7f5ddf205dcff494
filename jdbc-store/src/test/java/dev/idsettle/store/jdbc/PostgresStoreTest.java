package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SQL layer on a real, durable PostgreSQL. */
class PostgresStoreTest extends JdbcStoreContractBase {
  static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = TestDatabases.newPostgresPool(4);
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
