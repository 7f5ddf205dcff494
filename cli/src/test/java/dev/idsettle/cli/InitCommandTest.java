package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  @Test
  void initMakesAnOwnerOnlyKeyTheSettingsAndTheDatabase() throws Exception {
    Cli cli = Cli.sqlite(dir);
    var json =
        cli.run("init", "--currency", "EUR", "--service", "phone=3.00", "--json").expect(0).json();
    assertThat(json.get("outcome").asText()).isEqualTo("done");
    assertThat(json.get("services").toString()).contains("phone");
    Path key = dir.resolve("ledger.key");
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(key).strip()).matches("[0-9a-f]{64}");
    assertThat(dir.resolve("ledger.db")).exists();
    assertThat(Files.readString(dir.resolve("ledger.properties"))).contains("service.phone=300");
    assertThat(cli.everything.toString()).doesNotContain(Files.readString(key).strip());

    String before = Files.readString(key);
    var again = cli.run("init").expect(ExitCodes.BAD_INPUT);
    assertThat(again.err()).contains("exists already");
    assertThat(Files.readString(key)).isEqualTo(before);
  }

  @Test
  void serviceAddAndListKeepTheServicesInTheSettings() {
    Cli cli = Cli.sqlite(dir);
    cli.run("init").expect(0);
    assertThat(cli.run("service", "list").expect(0).out()).contains("no services");
    cli.run("service", "add", "web=0.50").expect(0);
    var list = cli.run("service", "list", "--json").expect(0).json();
    assertThat(list.get("services").get(0).get("name").asText()).isEqualTo("web");
    assertThat(list.get("services").get(0).get("lowBalance").get("minor").asLong()).isEqualTo(50);
    cli.run("service", "add", "bad name").expect(ExitCodes.BAD_INPUT);
    cli.run("service").expect(ExitCodes.BAD_INPUT);
  }

  @Test
  void aKeyOfOneRepeatedByteIsRefused() throws Exception {
    Cli cli = Cli.sqlite(dir);
    cli.run("init").expect(0);
    Path key = dir.resolve("ledger.key");
    Files.writeString(key, "11".repeat(32) + "\n");
    var run = cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("one byte repeated").doesNotContain("1111");
    Files.writeString(key, "ab".repeat(8) + "\n");
    assertThat(cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT).err())
        .contains("holds 8 bytes");
    Files.writeString(key, "not hex\n");
    assertThat(cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT).err())
        .contains("hex digits");
    // a short pattern repeated is no key either: the library refuses it
    Files.writeString(key, "0102".repeat(16) + "\n");
    assertThat(cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT).err())
        .contains("issuerKey");
  }

  @Test
  void aMissingKeyFileOrDatabaseSaysToRunInit() throws Exception {
    Cli cli = Cli.sqlite(dir);
    assertThat(cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT).err())
        .contains("no key file")
        .contains("init");
    cli.run("init").expect(0);
    Files.delete(dir.resolve("ledger.db"));
    assertThat(cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT).err())
        .contains("no database");
    Files.delete(dir.resolve("ledger.properties"));
    assertThat(cli.run("batch", "state", "X").expect(ExitCodes.BAD_INPUT).err())
        .contains("no settings file");
  }

  @Test
  void aBadCurrencyIsRefusedNamingTheOption() {
    var run = Cli.sqlite(dir).run("init", "--currency", "EURO").expect(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--currency").contains("ISO 4217");
    assertThat(dir.resolve("ledger.key")).doesNotExist();
  }

  @Test
  void aStoreThatCannotBeReachedIsUnavailableAndInitLeavesNoKey() {
    Cli cli =
        new Cli(
            dir,
            java.util.List.of(
                "--db",
                "jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2",
                "--key-file",
                dir.resolve("pg.key").toString()),
            java.time.Clock.systemUTC());
    var run = cli.run("init").expect(ExitCodes.UNAVAILABLE);
    assertThat(run.err()).contains("nothing was done");
    assertThat(dir.resolve("pg.key")).doesNotExist();
    var bad =
        new Cli(
            dir,
            java.util.List.of(
                "--db", "jdbc:nosuch:x", "--key-file", dir.resolve("x.key").toString()),
            java.time.Clock.systemUTC());
    assertThat(bad.run("init").expect(ExitCodes.BAD_INPUT).err()).contains("no driver");
  }
}
