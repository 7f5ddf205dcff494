package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process on one database, capturing out and err; remembers everything printed. */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final List<String> db;
  final Clock clock;
  final StringBuilder everything = new StringBuilder();

  Cli(Path dir, List<String> db, Clock clock) {
    this.dir = dir;
    this.db = db;
    this.clock = clock;
  }

  /** A SQLite file in {@code dir}. */
  static Cli sqlite(Path dir) {
    return new Cli(dir, List.of("--db", dir.resolve("ledger.db").toString()), Clock.systemUTC());
  }

  /** An H2 file in {@code dir}, its key file named. */
  static Cli h2(Path dir) {
    return new Cli(
        dir,
        List.of(
            "--db",
            "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath(),
            "--key-file",
            dir.resolve("ledger.key").toString()),
        Clock.systemUTC());
  }

  /** Runs a command with this database's options after its name(s) (up to the first option). */
  Run run(String... args) {
    List<String> all = new ArrayList<>();
    int i = 0;
    while (i < args.length && !args[i].startsWith("-") && commandWord(all)) {
      all.add(args[i++]);
    }
    all.addAll(db);
    for (; i < args.length; i++) {
      all.add(args[i]);
    }
    return raw(all.toArray(String[]::new));
  }

  private static boolean commandWord(List<String> before) {
    return before.isEmpty()
        || (before.size() == 1 && List.of("batch", "service").contains(before.get(0)));
  }

  /** Runs exactly {@code args}. */
  Run raw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), clock, false);
    everything.append(out).append(err);
    return new Run(code, out.toString(), err.toString());
  }

  /** What one command did. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + out + " / " + err, e);
      }
    }

    Run expect(int expected) {
      assertThat(code).as("exit code; out: %s; err: %s", out, err).isEqualTo(expected);
      return this;
    }
  }
}
