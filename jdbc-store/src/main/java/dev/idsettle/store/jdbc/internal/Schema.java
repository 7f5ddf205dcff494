package dev.idsettle.store.jdbc.internal;

import dev.idsettle.spi.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The versioned schema: its DDL files in the jar, its version in the database. */
public final class Schema {
  /** The schema version this code reads and writes. */
  public static final int CURRENT_VERSION = 5;

  /** The file of each version, index 0 for version 1. */
  private static final List<String> FILES =
      List.of(
          "V1__ledger.sql",
          "V2__transfers_without_foreign_keys.sql",
          "V3__only_the_checks_that_guard_money.sql",
          "V4__account_keys.sql",
          "V5__descriptions_and_seals.sql");

  private Schema() {}

  /** The class-path resource holding the DDL of {@code version} in {@code dialect}. */
  public static String resource(Dialect dialect, int version) {
    if (version < 1 || version > FILES.size()) {
      throw new IllegalArgumentException(
          "schema versions are 1 to " + FILES.size() + ", not " + version);
    }
    return dialect.schemaDirectory() + "/" + FILES.get(version - 1);
  }

  /** The DDL of {@code version} in {@code dialect}, as published in the jar. */
  public static String ddl(Dialect dialect, int version) {
    String name = resource(dialect, version);
    try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the schema file " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * The statements of a DDL file: comment lines dropped, split at semicolons that end a line (the
   * files never put one elsewhere).
   */
  static List<String> statements(String ddl) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : ddl.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("a schema file ends without ';': " + current);
    }
    return out;
  }

  /** The installed version, 0 if there is no idsettle schema. */
  public static int installedVersion(Connection c, Dialect dialect) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(Sql.SCHEMA_VERSION)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      if (dialect.isMissingTable(e)) {
        restart(c);
        return 0;
      }
      throw e;
    }
  }

  /** After a failed statement PostgreSQL ignores the rest of the transaction until it ends. */
  private static void restart(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.rollback();
    }
  }

  /**
   * Checks that the schema is the one this code speaks, on a connection in auto-commit.
   *
   * @throws StoreException saying what to do otherwise
   */
  public static void check(Connection c, Dialect dialect) throws SQLException {
    int version = installedVersion(c, dialect);
    String files = dialect.schemaDirectory();
    if (version == 0) {
      throw new StoreException(
          "the idsettle schema is not installed in this database: call"
              + " SchemaMigrator.of(dataSource).migrate() at start-up, or have a DBA apply the files"
              + " in "
              + files
              + " of the idsettle-jdbc-store jar",
          false);
    }
    if (version < CURRENT_VERSION) {
      throw new StoreException(
          "the idsettle schema is at version "
              + version
              + " but this library needs "
              + CURRENT_VERSION
              + ": call SchemaMigrator.of(dataSource).migrate() at start-up, or apply the newer"
              + " files in "
              + files,
          false);
    }
    if (version > CURRENT_VERSION) {
      throw new StoreException(
          "the idsettle schema is at version "
              + version
              + ", newer than this library's "
              + CURRENT_VERSION
              + ": upgrade idsettle-jdbc-store to the version that installed it",
          false);
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(Sql.PROBE_TABLES)) {
      rs.next();
    } catch (SQLException e) {
      if (dialect.isMissingTable(e)) {
        throw new StoreException(
            "the idsettle schema says version "
                + version
                + " but a table is missing ("
                + e.getMessage()
                + "): restore it from backup, or, in a database without ledger data, drop the"
                + " idsettle_ tables and run SchemaMigrator.of(dataSource).migrate()",
            false,
            e);
      }
      throw e;
    }
  }

  /**
   * Applies the versions after the installed one, each file in one transaction (H2 commits each DDL
   * statement on its own; the files are idempotent, so an interrupted run is repeated).
   *
   * @return the version now installed
   */
  public static int migrate(Connection c, Dialect dialect) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      int version = installedVersion(c, dialect);
      if (version > CURRENT_VERSION) {
        throw new StoreException(
            "the idsettle schema is at version "
                + version
                + ", newer than this library's "
                + CURRENT_VERSION
                + ": upgrade idsettle-jdbc-store",
            false);
      }
      for (int v = version + 1; v <= CURRENT_VERSION; v++) {
        try (Statement s = c.createStatement()) {
          for (String sql : statements(ddl(dialect, v))) {
            s.execute(sql);
          }
          if (v == 1 && version == 0) {
            dialect.markNewDatabase(s);
          }
        }
        c.commit();
      }
      return Math.max(version, CURRENT_VERSION);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
