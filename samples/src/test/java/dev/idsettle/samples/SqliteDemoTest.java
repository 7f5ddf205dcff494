package dev.idsettle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The story on the demo's embedded default, a SQLite file database in a temporary directory; then
 * the demo's command runs again on that file, as a newcomer repeating it does, and once on an H2
 * file.
 */
class SqliteDemoTest extends DemoTest {
  @Override
  Demo.Summary tell(PrintStream out, Path directory) {
    try (DemoDatabase db = DemoDatabase.openSqlite(directory.resolve("ledger.db"))) {
      return Demo.tell(out, db.store(), directory, db.url());
    }
  }

  @Test
  void mainRepeatsOnTheSameFileAndRunsOnH2() {
    Path file = directory.resolve("ledger.db");
    Path h2 = directory.resolve("h2").resolve("ledger");
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      Demo.main(new String[] {file.toString()});
      Demo.main(new String[] {"--h2", h2.toString()});
    } finally {
      System.setOut(saved);
    }
    String again = bytes.toString(StandardCharsets.UTF_8);
    assertThat(again).contains("Ledger: jdbc:sqlite:").contains("Ledger: jdbc:h2:file:");
    assertThat(again.split("denied, reason MERGED", -1)).hasSize(3);
    assertThat(again.split("CUT_AT_ZERO after", -1)).hasSize(3);
    assertThat(again.split("transit's revenue grew by EUR 3.50", -1)).hasSize(3);
    // the second run on the file reconciles the first run's rows too
    assertThat(again.split("No difference: the ledger, the bank and the call records agree.", -1))
        .hasSize(3);
    assertThat(again).contains("The database: jdbc:sqlite:" + file.toAbsolutePath());
    assertThat(Files.exists(file)).isTrue();
    assertThat(Files.exists(Path.of(h2 + ".mv.db"))).isTrue();
  }
}
