package dev.idsettle.sheets;

/**
 * Told how far a print has gone, so that a command line can drive a progress bar. Called on the
 * printing thread: at the start with {@code done} 0, after each PDF page or each few thousand CSV
 * lines, and once at the end with {@code done == total}.
 */
@FunctionalInterface
public interface PrintProgress {
  /**
   * {@code done} of {@code total} slips are written.
   *
   * @param done slips written so far
   * @param total slips in the batch
   */
  void update(long done, long total);

  /** A listener that ignores every update. */
  static PrintProgress none() {
    return (done, total) -> {};
  }
}
