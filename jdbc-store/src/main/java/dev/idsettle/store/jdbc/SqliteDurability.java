package dev.idsettle.store.jdbc;

/**
 * What a SQLite database must survive; ignored for the other dialects. The store always runs SQLite
 * in WAL mode (set in the file when the store is built, and kept there), where a transaction is
 * either wholly in the database after a crash or not at all; this setting decides whether a
 * confirmed commit may still be lost. Applied to every connection that writes ({@code PRAGMA
 * synchronous}, a setting of the connection, not of the file).
 */
public enum SqliteDurability {
  /**
   * The default ({@code synchronous=FULL}): every commit is forced to the device (one {@code fsync}
   * of the WAL file, shared by every transfer of the transaction, so by every call of a group
   * commit) before it is confirmed. A confirmed commit survives a killed process, an operating
   * system crash and a power loss, on a disk that honours flushes.
   */
  POWER_LOSS("FULL", 2),
  /**
   * Opt-in ({@code synchronous=NORMAL}): a commit is written to the WAL file before it is confirmed
   * but forced to the device only at checkpoints. A confirmed commit survives a killed or crashed
   * process; an operating-system crash or a power loss may lose the last commits (whole
   * transactions, never part of one, and the file stays consistent).
   */
  PROCESS_CRASH("NORMAL", 1);

  private final String synchronous;
  private final int level;

  SqliteDurability(String synchronous, int level) {
    this.synchronous = synchronous;
    this.level = level;
  }

  /** The value of {@code PRAGMA synchronous} this mode sets. */
  public String synchronous() {
    return synchronous;
  }

  /** The number {@code PRAGMA synchronous} reads back in this mode. */
  public int synchronousLevel() {
    return level;
  }
}
