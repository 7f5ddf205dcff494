package dev.idsettle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of this JVM and of an embedded PostgreSQL server (its postmaster and every process it
 * started, read from Linux's {@code /proc}), so that a benchmark can say what one operation costs
 * in CPU on both sides, a figure the machine's other load does not inflate the way it inflates wall
 * time.
 */
final class ProcessCpu {
  /** Nanoseconds per clock tick of {@code /proc/[pid]/stat} (USER_HZ, 100 on Linux). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcessCpu() {}

  /** The CPU nanoseconds this JVM has used, all threads (GC and JIT included). */
  static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The CPU nanoseconds of the server whose data directory is {@code dataDir}: its postmaster (its
   * pid is the first line of {@code postmaster.pid}), the reaped children it counts, and its live
   * children (backends, WAL writer, checkpointer), at {@value #NANOS_PER_TICK} ns a tick.
   */
  static long postgresNanos(Path dataDir) {
    try {
      long postmaster =
          Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));
      long ticks = 0;
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) procs::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          List<String> f = fields(p.resolve("stat"));
          if (f.isEmpty()) {
            continue;
          }
          long pid = Long.parseLong(name);
          // after the command: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14]
          // cstime
          if (pid == postmaster) {
            ticks += Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
            ticks += Long.parseLong(f.get(13)) + Long.parseLong(f.get(14));
          } else if (Long.parseLong(f.get(1)) == postmaster) {
            ticks += Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
          }
        }
      }
      return ticks * NANOS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fields(Path stat) {
    try {
      String s = Files.readString(stat);
      return List.of(s.substring(s.lastIndexOf(')') + 2).trim().split(" "));
    } catch (IOException e) {
      return List.of(); // the process ended while we looked
    }
  }
}
