package dev.idsettle.catalog;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The catalogue's contract on a H2 file through jdbc-store; a restart is a new pool. */
class H2CatalogueTest extends CatalogueContract {
  static String url = "";
  static HikariDataSource pool;
  static LedgerStore store;

  @BeforeAll
  static void start() {
    url = Databases.h2Url();
    pool = Databases.pool(url, "sa");
    SchemaMigrator.of(pool).migrate();
    store = JdbcStore.builder(pool).build();
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  @Override
  protected LedgerStore store() {
    return store;
  }

  @Override
  protected LedgerStore reopen() {
    pool.close();
    pool = Databases.pool(url, "sa");
    store = JdbcStore.builder(pool).build();
    return store;
  }
}
