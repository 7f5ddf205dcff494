package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and {@code reconcile} on a SQLite file; reconcile finds a planted difference. */
class OperatorCommandsTest {
  @TempDir Path dir;

  @Test
  void reportAndReconcileThenAPlantedDifferenceIsFound() throws Exception {
    Cli cli = Cli.sqlite(dir);
    Fixture.init(cli);
    IssuedSlips batch = Fixture.sellable(cli, "R1", 1);
    for (int i = 0; i < 2; i++) {
      Slip s = batch.slips().get(i);
      cli.run(
              "activate",
              s.id().digits(),
              "--serial",
              s.serial().toString(),
              "--amount",
              "10",
              "--terminal",
              "till-1",
              "--reference",
              "r" + i)
          .expect(0);
    }
    cli.run(
            "authorize",
            batch.slips().get(0).id().digits(),
            "--service",
            "phone",
            "--amount",
            "2.50",
            "--terminal",
            "k",
            "--reference",
            "d1")
        .expect(0);

    JsonNode report =
        cli.run("report", "--batch", "R1", "--terminal", "till-1", "--json").expect(0).json();
    assertThat(report.get("command").asText()).isEqualTo("report");
    assertThat(report.get("totals").get("revenue").get("minor").asLong()).isEqualTo(250);
    assertThat(report.get("totals").get("outstanding").get("minor").asLong()).isEqualTo(1750);
    assertThat(report.get("totals").get("cash").get("minor").asLong()).isEqualTo(2000);
    JsonNode b = report.get("batches").get(0);
    assertThat(b.get("prefix").asText()).isEqualTo("R1");
    assertThat(b.get("sold").asInt()).isEqualTo(2);
    assertThat(b.get("unsold").asInt()).isEqualTo(3);
    assertThat(report.get("terminals").get(0).get("terminal").asText()).isEqualTo("till-1");
    assertThat(cli.run("report", "--batch", "R1").expect(0).out())
        .contains("batch R1")
        .contains("service phone: revenue 2.50 EUR");

    JsonNode clean = cli.run("reconcile", "--json").expect(0).json();
    assertThat(clean.get("outcome").asText()).isEqualTo("clean");
    assertThat(clean.get("differences").size()).isZero();
    assertThat(clean.get("transfers").asLong()).isPositive();
    assertThat(cli.run("reconcile").expect(0).out()).startsWith("clean");

    // a balance changed behind the ledger's back, as a bad hand or a bug would
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE idsettle_account SET posted = posted + 500 WHERE id = (SELECT MAX(id)"
                      + " FROM idsettle_account WHERE posted > 0)"))
          .isEqualTo(1);
    }
    Cli.Run found = cli.run("reconcile", "--json").expect(ExitCodes.DENIED);
    JsonNode differences = found.json().get("differences");
    assertThat(found.json().get("outcome").asText()).isEqualTo("differences");
    assertThat(differences.size()).isPositive();
    assertThat(differences.toString()).contains("BALANCE_MISMATCH");
    assertThat(cli.run("reconcile").expect(ExitCodes.DENIED).out())
        .contains("difference(s)")
        .contains("BALANCE_MISMATCH");
    for (Slip s : batch.slips()) {
      assertThat(cli.everything.toString()).doesNotContain(s.id().digits());
    }
  }
}
