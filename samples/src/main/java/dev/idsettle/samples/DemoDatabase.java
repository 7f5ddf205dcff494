package dev.idsettle.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.nio.file.Path;

/**
 * The embedded default set up as an integrator would: an H2 file database behind a HikariCP pool,
 * its schema created or checked by {@link SchemaMigrator}, and a {@link JdbcStore} over the pool
 * with the default durability ({@code H2Durability.PROCESS_CRASH}: survives a killed process).
 * Opening an existing file reuses it. Closing releases the pool; H2 closes the file with the last
 * connection.
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
   * Opens (creating if needed) the H2 database whose files start with {@code file}, e.g. {@code
   * target/idsettle-demo/ledger} for {@code target/idsettle-demo/ledger.mv.db}.
   */
  public static DemoDatabase openH2(Path file) {
    String url = "jdbc:h2:file:" + file.toAbsolutePath();
    HikariDataSource pool = pool(url);
    try {
      SchemaMigrator.of(pool).migrate();
      return new DemoDatabase(url, pool, JdbcStore.builder(pool).build());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
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
