package dev.idsettle.operator;

/**
 * Told how far a long run has come ({@link Reconciler#reconcile}, {@link OperatorReports#report}):
 * called on the running thread after each page of rows and each stage, never concurrently. Keep it
 * quick; what it throws stops the run.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Does nothing. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * {@code done} rows (accounts, transfers, orders, charges, call records) checked so far, of
   * {@code total}, or of an unknown total while {@code total} is -1 (the store does not say how
   * many rows it holds before they are read). The last call has {@code done == total}.
   */
  void progress(long done, long total);
}
