package dev.idsettle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walkthrough on the demo's SQLite file database (the default), one file for the whole class:
 * every test after the first runs it again against the file earlier runs left, as the demo command
 * does.
 */
class SqliteWalkthroughTest extends ClaimOneWalkthroughTest {
  private static final Path FILE =
      Path.of(System.getProperty("idsettle.test.dir", "target/test-db"))
          .resolve("demo-" + UUID.randomUUID())
          .resolve("ledger.db");

  @Override
  ClaimOneWalkthrough.Summary run(PrintStream out) {
    try (DemoDatabase db = DemoDatabase.openSqlite(FILE)) {
      return ClaimOneWalkthrough.run(out, db.store());
    }
  }

  @Test
  void mainRunsTwiceOnTheSameFile() {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      ClaimOneWalkthrough.main(new String[] {FILE.toString()});
      ClaimOneWalkthrough.main(new String[] {FILE.toString()});
    } finally {
      System.setOut(saved);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.split("Ledger: jdbc:sqlite:", -1)).hasSize(3);
    assertThat(printed.split("typed reason REVERSED", -1)).hasSize(3);
    assertThat(Files.exists(FILE)).isTrue();
  }
}
