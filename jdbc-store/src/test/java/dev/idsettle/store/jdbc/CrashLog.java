package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.Invariants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The log of a crash run: the accounts, then for every batch a BEGIN line with its transfer ids (a
 * linked group of three debits) before it is submitted and a DONE line once it is confirmed. Lines
 * are written with one write(2) each, so a killed process loses none it finished.
 */
final class CrashLog {
  private CrashLog() {}

  /** A linked group of three debits of distinct IDs. */
  static List<LedgerCommand> batch(Fixture f, List<AccountId> ids) {
    List<AccountId> shuffled = new ArrayList<>(ids);
    java.util.Collections.shuffle(shuffled, ThreadLocalRandom.current());
    List<LedgerCommand> group = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      group.add(f.debit(shuffled.get(i), 1 + ThreadLocalRandom.current().nextInt(5)));
    }
    return group;
  }

  static String begin(List<LedgerCommand> group) {
    StringBuilder line = new StringBuilder("BEGIN");
    for (LedgerCommand c : group) {
      line.append(' ').append(((TransferCommand) c).id());
    }
    return line.append('\n').toString();
  }

  static String done(List<LedgerCommand> group) {
    return begin(group).replace("BEGIN", "DONE");
  }

  static synchronized void append(Path log, String line) {
    try {
      Files.writeString(log, line, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void submit(Ledger ledger, Path log, List<LedgerCommand> group) {
    append(log, begin(group));
    ledger.submit(LedgerBatch.create().addLinked(group)).forEach(r -> {});
    append(log, done(group));
  }

  /**
   * Checks a store reopened after the crash against the log.
   *
   * @return how many batches were confirmed
   */
  static int verify(LedgerStore store, Path log) throws IOException {
    List<AccountId> accounts = new ArrayList<>();
    Map<String, Boolean> groups = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log)) {
      String[] parts = line.split(" ", -1);
      switch (parts[0]) {
        case "ACCOUNTS" -> {
          for (int i = 1; i < parts.length; i++) {
            accounts.add(new AccountId(Long.parseLong(parts[i])));
          }
        }
        case "BEGIN" -> groups.putIfAbsent(line.substring(6), false);
        case "DONE" -> groups.put(line.substring(5), true);
        default -> {}
      }
    }
    assertThat(accounts).isNotEmpty();
    assertThat(Invariants.violations(store, accounts)).as("invariants after the crash").isEmpty();
    Ledger ledger = Ledger.over(store);
    int confirmed = 0;
    for (Map.Entry<String, Boolean> g : groups.entrySet()) {
      int present = 0;
      String[] ids = g.getKey().split(" ", -1);
      for (String id : ids) {
        if (ledger.transfer(TransferId.of(UUID.fromString(id))).isPresent()) {
          present++;
        }
      }
      assertThat(present)
          .as("batch %s is applied whole or not at all", g.getKey())
          .isIn(0, ids.length);
      if (g.getValue()) {
        confirmed++;
        assertThat(present).as("confirmed batch %s survived", g.getKey()).isEqualTo(ids.length);
      }
    }
    return confirmed;
  }

  /**
   * A new, empty log file, then a child JVM running {@code child}'s main with {@code args} and the
   * log's path as its second argument, killed with SIGKILL once the log confirms {@code batches}
   * batches (failing if the child ended before).
   *
   * @return the log
   */
  static Path killAfter(int batches, Class<?> child, String first, String... rest)
      throws IOException, InterruptedException {
    Path log = TestDatabases.DIR.resolve("crash-" + TestDatabases.shortId() + ".log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), child.getName(), first));
    command.add(log.toString());
    command.addAll(List.of(rest));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (countDone(log) < batches && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(process.isAlive()).as("child still running when killed").isTrue();
    } finally {
      process.destroyForcibly(); // SIGKILL on Linux
      process.waitFor();
    }
    return log;
  }

  private static long countDone(Path log) throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.startsWith("DONE")).count();
  }

  static String accountsLine(Fixture f, List<AccountId> ids) {
    StringBuilder line = new StringBuilder("ACCOUNTS ");
    line.append(f.cash.value()).append(' ').append(f.revenue.value());
    for (AccountId id : ids) {
      line.append(' ').append(id.value());
    }
    return line.append('\n').toString();
  }
}
