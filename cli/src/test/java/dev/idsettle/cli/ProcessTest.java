package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a real process: the exit codes a script sees for done, denied and bad input. */
class ProcessTest {
  @TempDir Path dir;

  record Exit(int code, String out, String err) {}

  Exit java(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.idsettle.cli.Main");
    command.add("--db");
    command.add(dir.resolve("p.db").toString());
    command.addAll(List.of(args));
    // options after the command name: move the --db pair behind it
    List<String> ordered = new ArrayList<>(command.subList(0, 4));
    List<String> rest = new ArrayList<>(command.subList(6, command.size()));
    int words = rest.get(0).equals("batch") ? 2 : 1;
    ordered.addAll(rest.subList(0, words));
    ordered.addAll(command.subList(4, 6));
    ordered.addAll(rest.subList(words, rest.size()));
    Process p =
        new ProcessBuilder(ordered)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    return new Exit(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void exitCodesAsAScriptSeesThem() throws Exception {
    assertThat(System.getProperty("java.class.path")).contains(File.pathSeparator);
    Exit init = java("init", "--service", "phone=1");
    assertThat(init.code()).as(init.err()).isZero();
    IdNumber never = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    Exit denied =
        java(
            "authorize",
            never.digits(),
            "--service",
            "phone",
            "--amount",
            "1",
            "--terminal",
            "k",
            "--reference",
            "r");
    assertThat(denied.code()).as(denied.err()).isEqualTo(ExitCodes.DENIED);
    assertThat(denied.out()).contains("UNKNOWN_ID").doesNotContain(never.digits());
    Exit bad = java("balance", "not-an-id");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("ID");
  }
}
