package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Pre-signed requests for {@code wrk}'s {@code signed.lua}: one file per wrk thread, {@code
 * base.0}, {@code base.1}, ..., each a sequence of {@code <length>\n<raw request>} records. Every
 * request has a nonce and a reference of its own (a new generation per pool), and all carry one
 * timestamp a minute ahead of now, so the benchmark server's clock skew ({@link LoadRig#SKEW})
 * accepts them from before the signing starts until minutes after a run ends.
 */
final class WrkPool {
  /** How far ahead of now the pool's timestamp is. */
  static final long AHEAD_MILLIS = 60_000;

  private WrkPool() {}

  /**
   * Writes {@code perThread} requests for each of {@code threads} wrk threads.
   *
   * @return the base path to give the script
   */
  static Path write(Path dir, SignedRequests requests, IdNumber[] ids, int threads, int perThread)
      throws IOException {
    Files.createDirectories(dir);
    long generation = LoadRig.GENERATIONS.incrementAndGet();
    Path base = dir.resolve("pool-" + generation);
    long timestamp = System.currentTimeMillis() + AHEAD_MILLIS;
    for (int t = 0; t < threads; t++) {
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(Path.of(base + "." + t)), 1 << 16)) {
        for (int n = 0; n < perThread; n++) {
          IdNumber id = ids[(int) ((t * 997L + n) % ids.length)];
          String key = String.format(Locale.ROOT, "%06d-%02d-%09d", generation, t, n);
          byte[] request = requests.authorize(id, "w-" + key, timestamp, "w" + key);
          out.write((request.length + "\n").getBytes(StandardCharsets.US_ASCII));
          out.write(request);
        }
      }
    }
    return base;
  }

  /** Deletes the files of the pool at {@code base}. */
  static void delete(Path base, int threads) throws IOException {
    for (int t = 0; t < threads; t++) {
      Files.deleteIfExists(Path.of(base + "." + t));
    }
  }
}
