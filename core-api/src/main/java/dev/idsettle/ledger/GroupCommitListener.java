package dev.idsettle.ledger;

/**
 * Told of every store transaction that group commit ({@link Ledger.Builder#groupCommit}) makes, so
 * that an application can watch how many requests share a commit (a metrics binding records it as a
 * distribution). Register it with {@link Ledger.Builder#groupCommitListener} or {@code
 * IdSettle.Builder.groupCommitListener}. Batches that bypass group commit (a batch of {@code
 * maxCommands} or more commands, or one with keys) are not reported.
 */
@FunctionalInterface
public interface GroupCommitListener {
  /** A listener that does nothing (the default). */
  GroupCommitListener NONE = (batches, commands) -> {};

  /**
   * One store transaction of group commit has been committed: it combined {@code batches} callers'
   * batches of {@code commands} commands in all. Called on the committer thread after the callers'
   * results are known and before the next transaction starts, so it must be quick; an exception it
   * throws is ignored.
   */
  void committed(int batches, int commands);
}
