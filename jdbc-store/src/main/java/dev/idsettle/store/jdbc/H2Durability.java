package dev.idsettle.store.jdbc;

/**
 * What an H2 database must survive; ignored for PostgreSQL, whose durability is the server's
 * ({@code fsync} and {@code synchronous_commit}, both on by default). Applied when the store is
 * built; the settings it changes are persistent in the database file and need an admin user.
 */
public enum H2Durability {
  /**
   * Leaves H2's settings as they are. H2's default ({@code WRITE_DELAY} 500 ms) loses commits it
   * already confirmed when the process is killed.
   */
  AS_CONFIGURED,
  /**
   * The default: sets {@code WRITE_DELAY 0}, so every commit is written to the file before it is
   * confirmed. Survives a killed or crashed JVM; an operating-system crash or power loss can still
   * lose the last commits, because H2 does not force the file to disk on each commit.
   */
  PROCESS_CRASH,
  /**
   * Also runs {@code CHECKPOINT SYNC} after every commit, which forces the file to the device
   * before the store returns. Survives power loss on a disk that honours flushes; costs one file
   * sync per transaction (see the module's README for measured figures).
   */
  POWER_LOSS
}
