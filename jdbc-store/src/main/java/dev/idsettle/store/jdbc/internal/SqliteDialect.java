package dev.idsettle.store.jdbc.internal;

import dev.idsettle.spi.StoreException;
import dev.idsettle.store.jdbc.SqlDialect;
import dev.idsettle.store.jdbc.SqliteDurability;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * SQLite 3.41 or newer through {@code org.xerial:sqlite-jdbc}, in WAL mode. SQLite has one writer
 * per file, so every transaction of the stores of this JVM on one file takes that file's fair lock
 * first ({@link SqliteFiles}): the writers queue in arrival order instead of polling SQLite's lock,
 * and readers run beside them on other connections. A transaction is {@code BEGIN IMMEDIATE} (the
 * write lock at once, so nothing can change the rows it reads) and {@code COMMIT}, sent by the
 * store on a connection left in auto-commit mode: with auto-commit off, sqlite-jdbc would begin the
 * next transaction right after each commit and hold the write lock while idle. Lists travel as JSON
 * arrays ({@code json_each}), UUIDs as 16-byte blobs.
 */
final class SqliteDialect implements Dialect {
  /** The revenue shards of a file made by this code: one writer, one revenue account. */
  static final int REVENUE_SHARDS = 1;

  /**
   * The revenue shards of a file made before the count was the store's ({@code user_version} 0).
   */
  static final int LEGACY_REVENUE_SHARDS = 256;

  private static final HexFormat HEX = HexFormat.of();

  /** The connection's settings (not the file's), then the write lock: one call, one round. */
  private final String begin;

  private @Nullable Lock writer;

  SqliteDialect(SqliteDurability durability) {
    this.begin =
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = "
            + durability.synchronous()
            + "; BEGIN IMMEDIATE";
  }

  @Override
  public SqlDialect id() {
    return SqlDialect.SQLITE;
  }

  @Override
  public String bigintType() {
    return "INTEGER";
  }

  @Override
  public String uuidType() {
    return "BLOB";
  }

  @Override
  public String binaryType() {
    return "BLOB";
  }

  @Override
  public boolean insertSkipsConflicts() {
    return true;
  }

  /** None: {@code BEGIN IMMEDIATE} took the file's write lock before the transaction read. */
  @Override
  public String rowLockClause() {
    return "";
  }

  @Override
  public boolean writesInOneStatement() {
    return false;
  }

  /**
   * The transaction holds the write lock from its first statement, so its guarded {@code UPDATE}
   * compares the believed image with the latest committed row, and a stale one fails the write.
   */
  @Override
  public boolean takesBelievedImages() {
    return true;
  }

  /**
   * One writer at a time: spreading revenue over accounts buys nothing and costs a random page per
   * shard a transaction credits. A file made by this code says so in its header's {@code
   * user_version} ({@link #markNewDatabase}); a file made before, whose revenue may be in any of
   * 256 accounts (and whose retried debits must credit the account they credited), keeps 256.
   */
  @Override
  public int revenueShards(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      int marked = rs.next() ? rs.getInt(1) : 0;
      return marked == 0 ? LEGACY_REVENUE_SHARDS : marked;
    }
  }

  @Override
  public void markNewDatabase(Statement statement) throws SQLException {
    statement.execute("PRAGMA user_version = " + REVENUE_SHARDS);
  }

  @Override
  public boolean isMissingTable(SQLException e) {
    String message = e.getMessage();
    return message != null && message.contains("no such table");
  }

  @Override
  public String inList(String column, Values values) {
    return column
        + " IN (SELECT "
        + (values == Values.LONGS ? "value" : "unhex(value)")
        + " FROM json_each(?))";
  }

  @Override
  public void bindLongs(Connection c, PreparedStatement ps, int index, long[] values)
      throws SQLException {
    StringBuilder json = new StringBuilder(values.length * 8 + 2).append('[');
    for (int i = 0; i < values.length; i++) {
      json.append(i == 0 ? "" : ",").append(values[i]);
    }
    ps.setString(index, json.append(']').toString());
  }

  @Override
  public void bindUuids(Connection c, PreparedStatement ps, int index, UUID[] values)
      throws SQLException {
    byte[][] bytes = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = bytes(values[i]);
    }
    bindBinaries(c, ps, index, bytes);
  }

  @Override
  public void bindBinaries(Connection c, PreparedStatement ps, int index, byte[][] values)
      throws SQLException {
    StringBuilder json = new StringBuilder(values.length * 68 + 2).append('[');
    for (int i = 0; i < values.length; i++) {
      json.append(i == 0 ? "\"" : ",\"").append(HEX.formatHex(values[i])).append('"');
    }
    ps.setString(index, json.append(']').toString());
  }

  @Override
  public void setUuid(PreparedStatement ps, int index, @Nullable UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BLOB);
    } else {
      ps.setBytes(index, bytes(value));
    }
  }

  @Override
  public @Nullable UUID getUuid(ResultSet rs, int index) throws SQLException {
    byte[] b = rs.getBytes(index);
    if (b == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(b);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static byte[] bytes(UUID u) {
    return ByteBuffer.allocate(16)
        .putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits())
        .array();
  }

  /**
   * Puts the file in WAL mode (kept in the file), checks the version, and claims the file for this
   * process ({@link SqliteFiles#claim}).
   */
  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      String version = single(s, "SELECT sqlite_version()");
      if (!SqliteFiles.atLeast(version, 3, 41)) {
        throw new StoreException(
            "SQLite " + version + " is too old: idsettle needs 3.41 or newer (unhex, json_each)",
            false);
      }
      String file = mainFile(s);
      String mode = single(s, "PRAGMA journal_mode = WAL").toLowerCase(Locale.ROOT);
      if (file.isEmpty() || !"wal".equals(mode)) {
        throw new StoreException(
            "the SQLite database is not a file in WAL mode (journal_mode "
                + mode
                + "): give the store a file database (jdbc:sqlite:/path/to/ledger.db); an"
                + " in-memory database is a new, empty one on every connection",
            false);
      }
      writer = SqliteFiles.claim(file);
    }
  }

  private static String mainFile(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        if ("main".equals(rs.getString("name"))) {
          String file = rs.getString("file");
          return file == null ? "" : file;
        }
      }
      return "";
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException(sql + " returned no row");
      }
      String value = rs.getString(1);
      return value == null ? "" : value;
    }
  }

  @Override
  public @Nullable Lock writerLock() {
    return writer;
  }

  /**
   * Sets the connection's durability and foreign keys and takes the write lock; SQLite's isolation
   * is always serializable, so {@code isolation} is not set.
   */
  @Override
  public boolean begin(Connection connection, int isolation) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.setAutoCommit(true);
    }
    execute(connection, begin);
    return autoCommit;
  }

  @Override
  public void commit(Connection connection, boolean wroteUncommitted) throws SQLException {
    execute(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection, boolean wroteUncommitted) throws SQLException {
    execute(connection, "ROLLBACK");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
