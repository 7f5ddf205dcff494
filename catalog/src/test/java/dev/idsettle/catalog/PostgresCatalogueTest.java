package dev.idsettle.catalog;

import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The catalogue's contract on a durable PostgreSQL (fsync and synchronous_commit on) through
 * jdbc-store; a restart is a new pool.
 */
class PostgresCatalogueTest extends CatalogueContract {
  static JdbcCatalogue database;

  @BeforeAll
  static void start() {
    database =
        new JdbcCatalogue(
            TestDatabases.newPostgresUrl(), url -> TestDatabases.postgresPool(url, 4));
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Override
  protected LedgerStore store() {
    return database.store();
  }

  @Override
  protected LedgerStore reopen() {
    return database.reopen();
  }
}
