package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link SqliteCrashTest} kills: applies linked batches from four threads until killed,
 * through the store's own writer or through group commit.
 */
public final class SqliteCrashChild {
  private SqliteCrashChild() {}

  /** Arguments: the SQLite URL, the log file, the {@link SqliteDurability}, the group commit. */
  public static void main(String[] args) throws Exception {
    HikariDataSource ds = TestDatabases.sqlitePool(args[0], 4);
    Path log = Path.of(args[1]);
    SchemaMigrator.of(ds).migrate();
    Ledger ledger =
        Ledger.builder(
                JdbcStore.builder(ds).sqliteDurability(SqliteDurability.valueOf(args[2])).build())
            .groupCommit(Integer.parseInt(args[3]))
            .build();
    Fixture f = new Fixture(ledger);
    List<AccountId> ids = f.activeIds(10, 1_000_000);
    CrashLog.append(log, CrashLog.accountsLine(f, ids));
    Runnable work =
        () -> {
          while (true) {
            CrashLog.submit(ledger, log, CrashLog.batch(f, ids));
          }
        };
    for (int t = 0; t < 3; t++) {
      new Thread(work).start();
    }
    work.run();
  }
}
