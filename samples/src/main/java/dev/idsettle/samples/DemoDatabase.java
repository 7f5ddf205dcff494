package dev.idsettle.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * An embedded database set up as an integrator would: a file database behind a HikariCP pool, its
 * schema created or checked by {@link SchemaMigrator}, and a {@link JdbcStore} over the pool. The
 * default is SQLite with the store's default durability ({@code SqliteDurability.POWER_LOSS}: every
 * confirmed commit survives a killed process and a power loss); H2 is supported too ({@code
 * H2Durability.PROCESS_CRASH}: survives a killed process, not a power loss). Opening an existing
 * file reuses it. Closing releases the pool.
 */
public final class DemoDatabase implements AutoCloseable {
  private final String url;
  private final HikariDataSource pool;
  private final JdbcStore store;

  private DemoDatabase(String url, HikariDataSource pool, JdbcStore store) {
    this.url = url;
    this.pool = pool;
    this.store = store;
  }

  /**
   * Opens (creating if needed) the SQLite database in {@code file}, e.g. {@code
   * target/idsettle-demo/ledger.db}, and the directories above it.
   */
  public static DemoDatabase openSqlite(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + absolute, e);
    }
    return open("jdbc:sqlite:" + absolute, null);
  }

  /**
   * Opens (creating if needed) the H2 database whose files start with {@code file}, e.g. {@code
   * target/idsettle-demo/ledger} for {@code target/idsettle-demo/ledger.mv.db}.
   */
  public static DemoDatabase openH2(Path file) {
    return open("jdbc:h2:file:" + file.toAbsolutePath(), "sa");
  }

  private static DemoDatabase open(String url, @Nullable String user) {
    HikariDataSource pool = pool(url, user);
    try {
      SchemaMigrator.of(pool).migrate();
      return new DemoDatabase(url, pool, JdbcStore.builder(pool).build());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource pool(String url, @Nullable String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
      config.setPassword("");
    }
    config.setMaximumPoolSize(4);
    config.setPoolName("idsettle-demo");
    return new HikariDataSource(config);
  }

  /** The JDBC URL of the database. */
  public String url() {
    return url;
  }

  /** The store over the pool; valid until {@link #close()}. */
  public JdbcStore store() {
    return store;
  }

  /** Closes the pool. */
  @Override
  public void close() {
    pool.close();
  }
}
