package dev.idsettle.catalog;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.util.function.Function;

/**
 * A jdbc-store over one database for the catalogue's contract, its schema migrated; a restart
 * closes the pool and opens a new one over the same URL.
 */
final class JdbcCatalogue implements AutoCloseable {
  private final String url;
  private final Function<String, HikariDataSource> pools;
  private HikariDataSource pool;
  private LedgerStore store;

  JdbcCatalogue(String url, Function<String, HikariDataSource> pools) {
    this.url = url;
    this.pools = pools;
    this.pool = pools.apply(url);
    SchemaMigrator.of(pool).migrate();
    this.store = JdbcStore.builder(pool).build();
  }

  LedgerStore store() {
    return store;
  }

  /** A new pool and store over the same database, as after a restart. */
  LedgerStore reopen() {
    pool.close();
    pool = pools.apply(url);
    store = JdbcStore.builder(pool).build();
    return store;
  }

  @Override
  public void close() {
    pool.close();
  }
}
