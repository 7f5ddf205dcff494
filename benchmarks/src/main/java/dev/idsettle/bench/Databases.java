package dev.idsettle.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A fresh database for one benchmark trial, under {@code target/bench-db/}: either a durable
 * embedded PostgreSQL ({@code fsync} and {@code synchronous_commit} turned on and checked with
 * {@code SHOW}: zonky turns both off), an H2 file or a SQLite file. Closing stops the server and
 * deletes the files (an H2 file grows ~6 KB per debit).
 */
final class Databases implements AutoCloseable {
  static final int POOL_SIZE = 48;
  private static final Path ROOT = Path.of("target", "bench-db");

  private final Path dir;
  private final HikariDataSource pool;
  private final @Nullable EmbeddedPostgres server;

  private Databases(Path dir, HikariDataSource pool, @Nullable EmbeddedPostgres server) {
    this.dir = dir;
    this.pool = pool;
    this.server = server;
  }

  /** Opens a new database of {@code kind}: {@code postgres}, {@code h2} or {@code sqlite}. */
  static Databases open(String kind) {
    Path dir = ROOT.resolve(kind + "-" + UUID.randomUUID()).toAbsolutePath();
    try {
      Files.createDirectories(dir);
      return switch (kind) {
        case "postgres" -> postgres(dir);
        case "h2" -> new Databases(dir, pool("jdbc:h2:file:" + dir.resolve("ledger"), "sa"), null);
        case "sqlite" ->
            new Databases(dir, pool("jdbc:sqlite:" + dir.resolve("ledger.db"), null), null);
        default -> throw new IllegalArgumentException("unknown database " + kind);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a new database of {@code kind} ({@link #open}) and creates the ledger's schema in it. */
  static Databases migrated(String kind) {
    Databases database = open(kind);
    SchemaMigrator.of(database.pool()).migrate();
    return database;
  }

  /** A jdbc-store over this database, with the store's defaults. */
  JdbcStore store() {
    return JdbcStore.builder(pool).build();
  }

  private static Databases postgres(Path dir) throws IOException {
    if (System.getProperty("ot.epg.working-dir") == null) {
      System.setProperty("ot.epg.working-dir", ROOT.resolve("epg").toAbsolutePath().toString());
    }
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "200")
            .start();
    HikariDataSource pool = pool(server.getJdbcUrl("postgres", "postgres"), "postgres");
    Databases db = new Databases(dir, pool, server);
    db.requireDurable();
    return db;
  }

  private static HikariDataSource pool(String url, @Nullable String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
      config.setPassword("");
    }
    config.setMaximumPoolSize(POOL_SIZE);
    return new HikariDataSource(config);
  }

  /** Fails unless the server says fsync and synchronous_commit are on. */
  private void requireDurable() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String setting : new String[] {"fsync", "synchronous_commit"}) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          String value = rs.getString(1);
          if (!"on".equals(value)) {
            throw new IllegalStateException(setting + " is " + value + ": not a durable server");
          }
        }
      }
      System.out.println("\n  PostgreSQL durable: SHOW fsync = on, SHOW synchronous_commit = on");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  HikariDataSource pool() {
    return pool;
  }

  /**
   * The CPU nanoseconds the PostgreSQL server has used so far ({@link ProcessCpu}); 0 for others.
   */
  long serverCpuNanos() {
    return server == null ? 0 : ProcessCpu.postgresNanos(dir.resolve("pg"));
  }

  /** Closes the pool, stops the server and deletes the files. */
  @Override
  public void close() throws IOException {
    pool.close();
    if (server != null) {
      server.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
