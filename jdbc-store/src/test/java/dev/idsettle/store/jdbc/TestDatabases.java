package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Databases for tests: SQLite and H2 files under target/ (or {@code idsettle.test.dir}), one
 * durable embedded PostgreSQL per JVM. Public for the tests of the store's internals and for the
 * tests of the modules over jdbc-store, which get it from this module's test-jar.
 */
public final class TestDatabases {
  static final Path DIR = Path.of(System.getProperty("idsettle.test.dir", "target/test-db"));

  private static @Nullable EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** The JDBC URL of a new, empty H2 file database. */
  public static String newH2Url(String name) {
    Path file = DIR.resolve("h2").resolve(name + "-" + shortId()).toAbsolutePath();
    return "jdbc:h2:file:" + file;
  }

  /**
   * The JDBC URL of a new, empty H2 file database where every commit is written before it returns.
   */
  public static String newDurableH2Url(String name) {
    return newH2Url(name) + ";WRITE_DELAY=0";
  }

  /** A pool of 8 over a new, empty H2 file where every commit is written before it returns. */
  public static HikariDataSource h2(String name) {
    return h2Pool(newDurableH2Url(name), 8);
  }

  /** A pool of 4 over a new, empty SQLite file in WAL mode, waiting up to 10 s for a lock. */
  public static HikariDataSource sqlite(String name) {
    return sqlitePool(newSqliteUrl(name) + "?journal_mode=WAL&busy_timeout=10000", 4);
  }

  /** A pool of 8 over a new, empty database on the shared durable PostgreSQL server. */
  public static HikariDataSource postgres() {
    return newPostgresPool(8);
  }

  /** The JDBC URL of a new, empty SQLite file database. */
  public static String newSqliteUrl(String name) {
    Path file = DIR.resolve("sqlite").resolve(name + "-" + shortId() + ".db").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "jdbc:sqlite:" + file;
  }

  /** A pool over a SQLite database. */
  public static HikariDataSource sqlitePool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  /** A pool over an H2 database. */
  public static HikariDataSource h2Pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  /** A pool over a new, empty PostgreSQL database on the shared durable server. */
  static HikariDataSource newPostgresPool(int size) {
    return postgresPool(newPostgresUrl(), size);
  }

  /** The JDBC URL of a new, empty database on the shared durable PostgreSQL server. */
  public static String newPostgresUrl() {
    String db = "t_" + shortId();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", db);
  }

  /** A pool over the PostgreSQL database at {@code url}, as its superuser. */
  public static HikariDataSource postgresPool(String url, int size) {
    return new HikariDataSource(postgresConfig(url, size));
  }

  /** A pool whose connections run {@code initSql} (a session setting) when they open. */
  static HikariDataSource postgresPool(String url, int size, String initSql) {
    HikariConfig config = postgresConfig(url, size);
    config.setConnectionInitSql(initSql);
    return new HikariDataSource(config);
  }

  /** A pool whose connections start in auto-commit mode or not, as {@code autoCommit} says. */
  static HikariDataSource postgresPool(String url, int size, boolean autoCommit) {
    HikariConfig config = postgresConfig(url, size);
    config.setAutoCommit(autoCommit);
    return new HikariDataSource(config);
  }

  private static HikariConfig postgresConfig(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    return config;
  }

  /** The durable embedded server (fsync and synchronous_commit on, checked with SHOW). */
  static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        Path data = DIR.resolve("pg-" + shortId());
        Files.createDirectories(data);
        EmbeddedPostgres started =
            EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        postgres = started;
        try (Connection c = started.getPostgresDatabase().getConnection()) {
          assertThat(show(c, "fsync")).isEqualTo("on");
          assertThat(show(c, "synchronous_commit")).isEqualTo("on");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return Objects.requireNonNull(postgres);
  }

  static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }
}
