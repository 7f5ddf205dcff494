package dev.idsettle.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * README's third command: the claim 1 to 5 story across four processes, told and stopped; the web
 * authenticator serves from its own ledger while the manager is away.
 */
class NetworkStoryTest {
  @Test
  void theStoryRunsAcrossFourProcessesAndStopsThemGracefully() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("story-" + UUID.randomUUID()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int failures;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      failures = new NetworkStory(dir, out).run();
    }
    String told = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(told);
    assertThat(failures).isZero();
    assertThat(told)
        .contains("All four stopped gracefully")
        .contains("WRONG_SERVICE")
        .contains("SubIdIssued")
        .doesNotContainPattern("Unknown|Unavailable|problem");
    // the web authenticator, with a ledger of its own, serves while the manager is stopped
    String away = told.substring(told.indexOf("The manager stops (SIGTERM, gracefully)"));
    assertThat(away.lines().skip(1).findFirst().orElseThrow()).contains("Permit[");
    assertThat(away).contains("Reversed[amount=EUR 2.00");
  }
}
