package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The process {@link SqliteTwoProcessesTest} starts: opens a store on a SQLite file, says READY and
 * keeps it open until its standard input closes or it is killed.
 */
public final class SqliteOwnerChild {
  private SqliteOwnerChild() {}

  /** Argument: the SQLite URL. */
  public static void main(String[] args) throws Exception {
    try (HikariDataSource ds = TestDatabases.sqlitePool(args[0], 2)) {
      SchemaMigrator.of(ds).migrate();
      JdbcStore.builder(ds).build();
      System.out.println("READY");
      System.out.flush();
      while (System.in.read() != -1) {
        // wait for the parent
      }
    }
  }
}
