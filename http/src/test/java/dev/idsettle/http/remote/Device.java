package dev.idsettle.http.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A child JVM of the exactly-once test, started from the test's classpath, killable with SIGKILL.
 */
final class Device implements AutoCloseable {
  private static final String EOF = "\u0000eof";
  private final String name;
  private final List<String> args;
  private final Path dir;
  private @Nullable Process process;
  private @Nullable Writer in;
  private BlockingQueue<String> out = new LinkedBlockingQueue<>();
  int starts;

  Device(String name, Path dir, Class<?> main, String... args) {
    this.name = name;
    this.dir = dir;
    this.args = new ArrayList<>();
    this.args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    this.args.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx160m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            System.getProperty("java.class.path"),
            main.getName()));
    this.args.addAll(List.of(args));
  }

  /** Starts the process and waits for its READY line. */
  synchronized String start() throws IOException, InterruptedException {
    starts++;
    Process p =
        new ProcessBuilder(args)
            .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile()))
            .start();
    process = p;
    in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    out = lines;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // killed
              }
              lines.add(EOF);
            },
            name + "-out");
    reader.setDaemon(true);
    reader.start();
    String ready = lines.poll(90, TimeUnit.SECONDS);
    if (ready == null || !ready.startsWith("READY")) {
      throw new IllegalStateException(
          name + " did not start: " + ready + " (see " + name + ".err)");
    }
    return ready;
  }

  /** Sends one command and waits for its answer; null if the process died or did not answer. */
  @Nullable String ask(String command) throws InterruptedException {
    BlockingQueue<String> lines;
    synchronized (this) {
      Writer w = in;
      if (w == null) {
        return null;
      }
      try {
        w.write(command + "\n");
        w.flush();
      } catch (IOException e) {
        return null;
      }
      lines = out;
    }
    String answer = lines.poll(60, TimeUnit.SECONDS);
    return answer == null || answer.equals(EOF) ? null : answer;
  }

  boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** SIGKILL, and waits for the process to be gone. */
  synchronized void kill() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    in = null;
  }

  /** SIGKILL (its state is durable: nothing is lost that a restart would not see). */
  @Override
  public void close() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      // its database file stays locked until it has exited, and the test opens it next
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
