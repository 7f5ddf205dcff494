package dev.idsettle.catalog;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The catalogue's contract on a durable PostgreSQL (fsync and synchronous_commit on) through
 * jdbc-store; a restart is a new pool over the same server.
 */
class PostgresCatalogueTest extends CatalogueContract {
  static EmbeddedPostgres server;
  static HikariDataSource pool;
  static LedgerStore store;

  @BeforeAll
  static void start() throws Exception {
    server = Databases.durablePostgres();
    pool = Databases.pool(server.getJdbcUrl("postgres", "postgres"), "postgres");
    SchemaMigrator.of(pool).migrate();
    store = JdbcStore.builder(pool).build();
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close();
    server.close();
  }

  @Override
  protected LedgerStore store() {
    return store;
  }

  @Override
  protected LedgerStore reopen() {
    pool.close();
    pool = Databases.pool(server.getJdbcUrl("postgres", "postgres"), "postgres");
    store = JdbcStore.builder(pool).build();
    return store;
  }
}
