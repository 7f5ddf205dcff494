package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.LedgerModelProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

/**
 * The TCK's reference-model property on a SQL database: a dialect's subclass names only the pool
 * over a new, empty database; the schema is migrated and the pool closed here.
 */
abstract class JdbcModelProperties extends LedgerModelProperties {
  private @Nullable HikariDataSource pool;

  /** A pool over a new, empty database of the dialect under test. */
  abstract HikariDataSource newPool();

  @Override
  protected final LedgerStore newStore() {
    HikariDataSource p = newPool();
    pool = p;
    SchemaMigrator.of(p).migrate();
    return JdbcStore.builder(p).build();
  }

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
  }
}
