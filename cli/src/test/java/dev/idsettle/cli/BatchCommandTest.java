package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.roles.IssuedSlips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchCommandTest {
  @TempDir static Path dir;
  Cli cli;

  @BeforeAll
  void init() {
    cli = Cli.sqlite(dir);
    Fixture.init(cli);
  }

  @Test
  void createIssuesTheSheetsAndWritesAnOwnerOnlyPrintJob() throws Exception {
    var json =
        cli.run(
                "batch",
                "create",
                "--prefix",
                "B7",
                "--sheets",
                "3",
                "--sheet-size",
                "4",
                "--denomination",
                "5",
                "--service",
                "phone",
                "--expiry",
                "2030-01-31",
                "--json")
            .expect(0)
            .json();
    assertThat(json.get("slips").asInt()).isEqualTo(12);
    assertThat(json.get("firstSerial").asText()).isEqualTo("B7-000001");
    assertThat(json.get("lastSerial").asText()).isEqualTo("B7-000012");
    assertThat(json.get("faceValue").get("minor").asLong()).isEqualTo(500);
    assertThat(json.get("service").asText()).isEqualTo("phone");
    assertThat(json.get("state").asText()).isEqualTo("CREATED");
    Path job = Path.of(json.get("printJob").asText());
    assertThat(job.getParent()).isEqualTo(dir.resolve("batches"));
    assertThat(Files.getPosixFilePermissions(job))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    IssuedSlips issued = PrintJob.read(dir.resolve("batches"), "B7");
    assertThat(issued.slips()).hasSize(12);
    assertThat(issued.sheets()).hasSize(3);
    assertThat(issued.slips().get(0).service()).isEqualTo("phone");
    // the IDs are in the job only, never in what the command printed
    for (var s : issued.slips()) {
      assertThat(cli.everything.toString()).doesNotContain(s.id().digits());
    }
    var state = cli.run("batch", "state", "B7", "--json").expect(0).json();
    assertThat(state.get("prefix").asText()).isEqualTo("B7");
    assertThat(state.get("state").asText()).isEqualTo("CREATED");
    assertThat(cli.run("batch", "state", "B7").expect(0).out()).contains("B7: CREATED");
  }

  @Test
  void createRefusesBadInputNamingTheOption() {
    assertThat(
            cli.run("batch", "create", "--prefix", "b-7", "--sheets", "1", "--denomination", "1")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("prefix");
    assertThat(
            cli.run("batch", "create", "--prefix", "B", "--sheets", "0", "--denomination", "1")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--sheets");
    assertThat(
            cli.run(
                    "batch",
                    "create",
                    "--prefix",
                    "B",
                    "--sheets",
                    "1",
                    "--sheet-size",
                    "101",
                    "--denomination",
                    "1")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--sheet-size");
    assertThat(
            cli.run("batch", "create", "--prefix", "B", "--sheets", "1", "--denomination", "1.001")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--denomination")
        .contains("decimals");
    assertThat(
            cli.run("batch", "create", "--prefix", "B", "--sheets", "1", "--denomination", "-1")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--denomination");
    assertThat(
            cli.run(
                    "batch",
                    "create",
                    "--prefix",
                    "B",
                    "--sheets",
                    "1",
                    "--denomination",
                    "1",
                    "--service",
                    "tv")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--service")
        .contains("not registered");
    assertThat(
            cli.run(
                    "batch",
                    "create",
                    "--prefix",
                    "B",
                    "--sheets",
                    "1",
                    "--denomination",
                    "1",
                    "--expiry",
                    "soon")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--expiry");
    assertThat(cli.run("batch", "create", "--prefix", "B").expect(ExitCodes.BAD_INPUT).err())
        .contains("--sheets");
    cli.run("batch", "create", "--prefix", "B", "--sheets", "1", "--denomination", "1").expect(0);
    assertThat(
            cli.run("batch", "create", "--prefix", "B", "--sheets", "1", "--denomination", "1")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("B");
    assertThat(cli.run("batch", "state", "NONE").expect(ExitCodes.BAD_INPUT).err())
        .contains("NONE");
    cli.run("batch").expect(ExitCodes.BAD_INPUT);
  }

  @Test
  void lockAndVoidChangeARangeAndRefuseMalformedOnes() {
    Fixture.issue(cli, "L1", 2);
    var lock = cli.run("batch", "lock", "--serials", "L1-000001-L1-000004", "--json").expect(0);
    assertThat(lock.json().get("changed").asInt()).isEqualTo(4);
    assertThat(lock.json().get("unchanged").asInt()).isZero();
    var again = cli.run("batch", "lock", "--serials", "L1-000003..L1-000006", "--json").expect(0);
    assertThat(again.json().get("changed").asInt()).isEqualTo(2);
    assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
    var voided = cli.run("batch", "void", "--serials", "L1-000001-L1-000010").expect(0);
    assertThat(voided.out()).contains("10 changed");
    assertThat(
            cli.run("batch", "void", "--serials", "L1-000010", "--json")
                .expect(0)
                .json()
                .get("unchanged")
                .asInt())
        .isEqualTo(1);

    assertThat(cli.run("batch", "lock", "--serials", "L1-1-L1-2").expect(2).err())
        .contains("--serials");
    assertThat(cli.run("batch", "lock", "--serials", "L1-000005-L1-000001").expect(2).err())
        .contains("after");
    assertThat(cli.run("batch", "lock", "--serials", "L1-000001-L1-000011").expect(2).err())
        .contains("has 10 slips");
    assertThat(cli.run("batch", "lock", "--serials", "L1-000001-L2-000002").expect(2).err())
        .contains("two batches");
  }

  @Test
  void aBatchIsDistributedOnlyAfterPrinting() {
    Fixture.issue(cli, "D1", 1);
    assertThat(cli.run("batch", "distribute", "D1").expect(ExitCodes.BAD_INPUT).err())
        .contains("D1");
    Fixture.printed(cli, "D1");
    var json = cli.run("batch", "distribute", "D1", "--json").expect(0).json();
    assertThat(json.get("state").asText()).isEqualTo("DISTRIBUTED");
  }
}
