package dev.idsettle.catalog;

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
import java.util.UUID;

/** Database files under target/ and a durable embedded PostgreSQL, for the store tests. */
final class Databases {
  static final Path DIR = Path.of(System.getProperty("idsettle.test.dir", "target/test-db"));

  private Databases() {}

  static String h2Url() {
    return "jdbc:h2:file:" + file("h2", "catalog-" + shortId()) + ";WRITE_DELAY=0";
  }

  static String sqliteUrl() {
    return "jdbc:sqlite:" + file("sqlite", "catalog-" + shortId() + ".db");
  }

  static HikariDataSource pool(String url, String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  /** A PostgreSQL with fsync and synchronous_commit on (checked): commits are durable. */
  static EmbeddedPostgres durablePostgres() throws IOException, SQLException {
    Path dir = DIR.resolve("pg-" + shortId());
    Files.createDirectories(dir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW fsync")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("on");
    }
    return pg;
  }

  private static Path file(String kind, String name) {
    Path file = DIR.resolve(kind).resolve(name).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
