package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import java.nio.file.Path;
import java.util.List;

/** The process {@link H2CrashTest} kills: applies linked batches from two threads until killed. */
public final class H2CrashChild {
  private H2CrashChild() {}

  /** Arguments: the H2 URL, the log file, the {@link H2Durability}. */
  public static void main(String[] args) throws Exception {
    // A pool, as the README asks: an unpooled DataSource closes the embedded database whenever its
    // last connection closes and reopens it for the next transaction, and H2 2.5.252 loses
    // confirmed
    // commits (measured: 10 failures in 12 runs) or even corrupts the file when a thread reopens it
    // while another closes it.
    HikariDataSource ds = TestDatabases.h2Pool(args[0], 2);
    Path log = Path.of(args[1]);
    SchemaMigrator.of(ds).migrate();
    Ledger ledger =
        Ledger.over(JdbcStore.builder(ds).h2Durability(H2Durability.valueOf(args[2])).build());
    Fixture f = new Fixture(ledger);
    List<AccountId> ids = f.activeIds(10, 1_000_000);
    CrashLog.append(log, CrashLog.accountsLine(f, ids));
    Runnable work =
        () -> {
          while (true) {
            CrashLog.submit(ledger, log, CrashLog.batch(f, ids));
          }
        };
    Thread other = new Thread(work);
    other.start();
    work.run();
  }
}
