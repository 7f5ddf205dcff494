package dev.idsettle.operator;

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
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** H2 and SQLite files under target/, and one durable embedded PostgreSQL per test JVM. */
final class Databases {
  static final Path DIR = Path.of(System.getProperty("idsettle.test.dir", "target/test-db"));
  private static @Nullable EmbeddedPostgres postgres;

  private Databases() {}

  static HikariDataSource h2(String name) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(
        "jdbc:h2:file:"
            + DIR.resolve("h2").resolve(name + "-" + shortId()).toAbsolutePath()
            + ";WRITE_DELAY=0");
    c.setUsername("sa");
    c.setPassword("");
    c.setMaximumPoolSize(8);
    return new HikariDataSource(c);
  }

  /** A new database on the shared durable server. */
  static HikariDataSource postgres() {
    String db = "t_" + shortId();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(server().getJdbcUrl("postgres", db));
    c.setUsername("postgres");
    c.setMaximumPoolSize(8);
    return new HikariDataSource(c);
  }

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
                .start();
        try (Connection c = started.getPostgresDatabase().getConnection();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SHOW fsync")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("on");
        }
        postgres = started;
        Runtime.getRuntime().addShutdownHook(new Thread(Databases::stop));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return postgres;
  }

  private static synchronized void stop() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      // the JVM is exiting
    }
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }
}
