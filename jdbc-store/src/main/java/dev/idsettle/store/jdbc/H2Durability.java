package dev.idsettle.store.jdbc;

/**
 * What an H2 database must survive; ignored for SQLite ({@link SqliteDurability}) and for
 * PostgreSQL, whose durability is the server's ({@code fsync} and {@code synchronous_commit}, both
 * on by default). Applied when the store is built; the settings it changes are persistent in the
 * database file and need an admin user.
 */
public enum H2Durability {
  /**
   * Leaves H2's settings as they are. H2's default ({@code WRITE_DELAY} 500 ms) loses commits it
   * already confirmed when the process is killed.
   */
  AS_CONFIGURED,
  /**
   * The default: every commit is written to the database file before it is confirmed. The store
   * sets {@code WRITE_DELAY} to {@link Integer#MAX_VALUE} (H2 then does not write on its own) and
   * writes its commits itself with {@code CHECKPOINT}, several concurrent commits in one write,
   * never while a commit is in progress. Survives a killed or crashed JVM; an operating-system
   * crash or power loss can still lose the last commits, because H2 does not force the file to
   * disk. Other writers to the same file (outside the store) must {@code CHECKPOINT} themselves.
   * Without admin rights on a file whose {@code WRITE_DELAY} is already 0 the store leaves it at 0
   * and commits one transaction at a time instead.
   */
  PROCESS_CRASH,
  /**
   * Writes with {@code CHECKPOINT SYNC} instead, which also forces the file to the device before
   * the store returns. Survives power loss on a disk that honours flushes; costs one file sync per
   * group of concurrent transactions (see the module's README for measured figures).
   */
  POWER_LOSS
}
