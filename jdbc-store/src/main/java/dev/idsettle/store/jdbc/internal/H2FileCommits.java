package dev.idsettle.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The commits on one H2 database file in this JVM, written to the file in groups.
 *
 * <p>H2 2.x (checked on 2.5.252) writes a chunk from a snapshot of its maps taken one map at a time
 * ({@code MVStore.collectChangedMapRoots}), while a commit changes several maps one after the other
 * (the undo log, then each table and index). A chunk whose snapshot is taken while another
 * transaction is half way through its commit holds half of that commit, and after a killed process
 * H2 recovers it half applied (measured without any lock: 3 of 40 crash runs ended with transfers
 * whose balances were missing). So no snapshot may overlap a commit. With {@code WRITE_DELAY 0}
 * every commit writes its own chunk on the committing thread, so the store used to serialize whole
 * commits, chunk write included, and paid one chunk write per transaction.
 *
 * <p>Instead, with H2's own writing deferred ({@link H2Dialect#DEFERRED_WRITE_DELAY}), a commit
 * only changes the maps in memory (microseconds), under the shared side of a read-write lock, and
 * takes a ticket; then, under the exclusive side, where no commit is in progress, one {@code
 * CHECKPOINT} writes every commit finished so far in one chunk, and the other committers waiting
 * for it find their tickets covered and return without writing. A commit is confirmed only once a
 * chunk holding it is in the file, as before; many commits now share one chunk write.
 */
final class H2FileCommits {
  /** How many rows a large write changes between two {@link #writeUncommitted} calls. */
  static final int LARGE_WRITE_ROWS = 1_000;

  /**
   * Fair, so that a committer asking for the write lock queues behind the committers already woken
   * for the read lock instead of barging past them: measured unfair, nearly every commit wrote its
   * own chunk (5 579 checkpoints for 5 770 commits); fair, one checkpoint covered four commits.
   */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  /** Commits finished in memory; incremented under the read lock. */
  private final AtomicLong committed = new AtomicLong();

  /** Commits written to the file; written under the write lock. */
  private volatile long written;

  /** Checkpoints run. */
  private final AtomicLong checkpoints = new AtomicLong();

  /**
   * Commits the transaction on {@code c} in memory.
   *
   * @return the ticket to pass to {@link #write}
   * @throws SQLException if the commit itself failed
   */
  long commit(Connection c) throws SQLException {
    lock.readLock().lock();
    try {
      c.commit();
      return committed.incrementAndGet();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns once the commit of {@code ticket} is in the file, running {@code checkpoint} on {@code
   * c} unless another committer's checkpoint already covered it.
   */
  void write(Connection c, long ticket, String checkpoint) throws SQLException {
    if (written >= ticket) {
      return; // a checkpoint that began after this commit has finished
    }
    lock.writeLock().lock();
    try {
      if (written >= ticket) {
        return;
      }
      checkpoint(c, checkpoint);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Writes everything changed so far, committed or not, while no commit is in progress: what a
   * transaction that changes many rows runs every {@link #LARGE_WRITE_ROWS} rows. H2 writes a chunk
   * on its own, outside this lock and on whichever thread's change crosses the line, once the
   * changes not yet written take more than its write buffer ({@code autoCommitBufferSize}, not a
   * database setting): measured on 2.5.252, an issuance of 100 000 IDs in one transaction made it
   * write 15 chunks itself, about one per 6 700 accounts, each of which could have held half of
   * another transaction's commit. Written at this rate, the changes stay far below that line. What
   * is written of the open transaction is undone on recovery if it never commits, as with any chunk
   * H2 writes itself.
   */
  void writeUncommitted(Connection c, String checkpoint) throws SQLException {
    lock.writeLock().lock();
    try {
      checkpoint(c, checkpoint);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Commits ({@code commit}) or rolls back a transaction that has written part of itself with
   * {@link #writeUncommitted}, under the write lock, where no other commit is in progress: H2
   * writes a chunk on its own, on this thread, at the end of any transaction part of which is in
   * the file already. A commit is then written with a checkpoint, like any other.
   *
   * @throws SQLException if the commit or the roll-back itself failed
   */
  void endAlone(Connection c, boolean commit, String checkpoint) throws SQLException {
    lock.writeLock().lock();
    try {
      if (!commit) {
        c.rollback();
        return;
      }
      c.commit();
      committed.incrementAndGet();
      try {
        checkpoint(c, checkpoint);
      } catch (SQLException e) {
        throw H2Dialect.notWritten(e);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Under the write lock. */
  private void checkpoint(Connection c, String checkpoint) throws SQLException {
    // no commit is in progress now, and every one that has finished has its ticket
    long upTo = committed.get();
    try (Statement s = c.createStatement()) {
      s.execute(checkpoint);
    }
    written = upTo;
    checkpoints.incrementAndGet();
  }

  /** How many checkpoints the stores over this file have run. */
  long checkpoints() {
    return checkpoints.get();
  }
}
