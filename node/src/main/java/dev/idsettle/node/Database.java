package dev.idsettle.node;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A manager's database: a pool over the store URL (a SQLite file, created with its directory if
 * missing, or PostgreSQL), its schema created or checked, and the store over it.
 */
final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final JdbcStore store;

  private Database(HikariDataSource pool, JdbcStore store) {
    this.pool = pool;
    this.store = store;
  }

  static Database open(String url, int poolSize) {
    if (url.startsWith("jdbc:sqlite:")) {
      Path parent = Path.of(url.substring("jdbc:sqlite:".length())).toAbsolutePath().getParent();
      try {
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the directory " + parent, e);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("idsettle-node");
    config.setConnectionTimeout(5_000);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      SchemaMigrator.of(pool).migrate();
      return new Database(pool, JdbcStore.builder(pool).build());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  JdbcStore store() {
    return store;
  }

  /** Whether the database answers now (a connection that passes its validity check in 1 s). */
  boolean reachable() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(1);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
