package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.IssuedSlips;
import java.nio.file.Path;
import java.util.List;

/** Batches for the tests: issued by the CLI, their IDs read from the print job it wrote. */
final class Fixture {
  private Fixture() {}

  static void init(Cli cli) {
    cli.run("init", "--service", "phone=3.00", "--service", "web").expect(0);
  }

  /** Issues batch {@code prefix} ({@code sheets} sheets of 5 slips of 10.00) and reads its job. */
  static IssuedSlips issue(Cli cli, String prefix, int sheets, String... more) {
    String[] args = {
      "batch",
      "create",
      "--prefix",
      prefix,
      "--sheets",
      "" + sheets,
      "--sheet-size",
      "5",
      "--denomination",
      "10.00",
      "--jobs",
      cli.dir.resolve("jobs").toString()
    };
    cli.run(concat(args, more)).expect(0);
    return PrintJob.read(cli.dir.resolve("jobs"), prefix);
  }

  /** Issues a batch and makes it sellable: printed and distributed. */
  static IssuedSlips sellable(Cli cli, String prefix, int sheets, String... more) {
    IssuedSlips issued = issue(cli, prefix, sheets, more);
    printed(cli, prefix);
    cli.run("batch", "distribute", prefix, "--json").expect(0);
    return issued;
  }

  static void printed(Cli cli, String prefix) {
    cli.run("batch", "print", prefix, "--jobs", cli.dir.resolve("jobs").toString(), "--keep-job")
        .expect(0);
    try (Workspace ws = open(cli)) {
      assertThat(ws.slips.state(prefix)).isEqualTo(BatchState.PRINTED);
    }
  }

  /** The CLI's ledger opened through the API, as the commands open it. */
  static Workspace open(Cli cli) {
    StoreOptions options = new StoreOptions();
    List<String> db = cli.db;
    for (int i = 0; i < db.size(); i += 2) {
      if (db.get(i).equals("--db")) {
        options.db = db.get(i + 1);
      } else {
        options.keyFile = Path.of(db.get(i + 1));
      }
    }
    return Workspace.open(options, cli.clock);
  }

  static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
