package dev.idsettle.store.jdbc.internal;

import dev.idsettle.spi.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite files this JVM writes: one fair writer lock per file, shared by every store over it,
 * and a claim on the file for this process. SQLite lets several processes write one file, but
 * writers that meet only at SQLite's own lock starve each other: a waiting writer polls it with
 * growing sleeps while a busy one takes it again between two polls (measured with several writer
 * connections in one process: one did 16 debits while another did 8 797). Across processes nothing
 * could queue them fairly, so a process claims the file (an operating-system lock on a file beside
 * it, {@code <database>.idsettle-lock}, released when the process ends, even killed) and a store in
 * another process refuses to start. Reading the file from elsewhere (the {@code sqlite3} shell, a
 * backup) is unaffected.
 */
final class SqliteFiles {
  private static final Map<Path, Claim> CLAIMED = new HashMap<>();

  /** The lock file and the lock held on it, kept for the life of the process. */
  private record Claim(FileChannel channel, FileLock lock, Lock writer) {}

  private SqliteFiles() {}

  /**
   * Claims {@code file} for this process (again, if a store of this JVM already did) and returns
   * the file's writer lock.
   *
   * @throws StoreException if another process holds the claim
   */
  static synchronized Lock claim(String file) {
    Path path = Path.of(file).toAbsolutePath().normalize();
    Claim claim = CLAIMED.get(path);
    if (claim != null) {
      return claim.writer();
    }
    Path lockFile = path.resolveSibling(path.getFileName() + ".idsettle-lock");
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new StoreException(
            "another process has an idsettle store open on the SQLite file "
                + path
                + " (it holds "
                + lockFile.getFileName()
                + "): one process writes a SQLite ledger; let the others reach it through that"
                + " process, or use PostgreSQL for several writing processes",
            false);
      }
      Claim made = new Claim(channel, lock, new ReentrantLock(true));
      CLAIMED.put(path, made);
      return made.writer();
    } catch (IOException e) {
      throw new StoreException(
          "cannot lock " + lockFile + " beside the SQLite file (" + e.getMessage() + ")", false, e);
    }
  }

  /** Whether the version {@code version} ("3.54.1") is at least {@code major.minor}. */
  static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.split("\\.", -1);
    try {
      int ma = Integer.parseInt(parts[0]);
      int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return ma > major || (ma == major && mi >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
