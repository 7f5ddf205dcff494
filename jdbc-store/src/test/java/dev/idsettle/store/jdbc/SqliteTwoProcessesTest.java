package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.spi.StoreException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A store in a second process on the same SQLite file refuses to start with a message that says
 * why, and starts once the first process is gone (here: killed with SIGKILL).
 */
class SqliteTwoProcessesTest {

  @Test
  void aSecondProcessIsRefusedUntilTheFirstEnds() throws Exception {
    String url = TestDatabases.newSqliteUrl("two-processes");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process owner =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SqliteOwnerChild.class.getName(),
                url)
            .redirectErrorStream(true)
            .start();
    try (HikariDataSource pool = TestDatabases.sqlitePool(url, 2)) {
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
          line = out.readLine();
        } while (line != null && !line.equals("READY"));
        assertThat(line).as("the owner process started its store").isEqualTo("READY");

        assertThatThrownBy(() -> JdbcStore.builder(pool).build())
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("another process has an idsettle store open on the SQLite file");
      } finally {
        owner.destroyForcibly();
        owner.waitFor();
      }
      Ledger ledger = Ledger.over(JdbcStore.builder(pool).build());
      Fixture f = new Fixture(ledger);
      AccountId id = f.activeIds(1, 100).get(0);
      assertThat(ledger.submit(LedgerBatch.create().add(f.debit(id, 40))).get(0).applied())
          .isTrue();
    }
  }
}
