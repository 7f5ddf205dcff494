package dev.idsettle.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A node in a child JVM of this one's class path ({@link Launcher} with a config file): started,
 * waited for until it prints its ready line, stopped with SIGTERM. Its standard error goes to a log
 * file.
 */
final class NodeProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;
  private volatile @Nullable String readyLine;

  private NodeProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "idsettle-node-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the node of {@code config}, its standard error to {@code log}; waits until ready. */
  static NodeProcess start(Path config, Path log, Duration timeout) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dsun.net.httpserver.nodelay=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            Launcher.class.getName(),
            config.toString());
    pb.redirectError(log.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    NodeProcess p;
    try {
      p = new NodeProcess(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a JVM for " + config, e);
    }
    try {
      if (!p.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.readyLine == null) {
        p.process.destroyForcibly();
        throw new IllegalStateException(
            "the node of " + config + " did not get ready (see " + log + "): " + p.lines);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.process.destroyForcibly();
      throw new IllegalStateException("interrupted while " + config + " started", e);
    }
    return p;
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("ready ")) {
          readyLine = line;
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // the process ended
    } finally {
      ready.countDown();
    }
  }

  URI api() {
    return field("api=");
  }

  URI health() {
    return field("health=");
  }

  private URI field(String name) {
    String line = readyLine;
    if (line == null) {
      throw new IllegalStateException("not ready");
    }
    int at = line.indexOf(" " + name);
    if (at >= 0) {
      int from = at + 1 + name.length();
      int end = line.indexOf(' ', from);
      return URI.create(line.substring(from, end < 0 ? line.length() : end));
    }
    throw new IllegalStateException("no " + name + " in " + line);
  }

  long pid() {
    return process.pid();
  }

  /** What it printed on standard output so far. */
  List<String> output() {
    return List.copyOf(lines);
  }

  /**
   * Sends SIGTERM and waits for the process to end.
   *
   * @return its exit status (143 after a SIGTERM the JVM handled)
   */
  int terminate(Duration timeout) throws InterruptedException {
    // SIGTERM; Process.destroy() would also close our end of its output before we read it all
    process.toHandle().destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new IllegalStateException("the node did not stop within " + timeout);
    }
    return process.exitValue();
  }

  /** Whether it said it stopped gracefully. */
  boolean stoppedGracefully() {
    try {
      reader.join(5_000); // its output is read to the end after the exit
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return lines.stream().anyMatch(l -> l.startsWith("stopped "));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
