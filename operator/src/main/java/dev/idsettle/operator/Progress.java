package dev.idsettle.operator;

/** A running count for a {@link ProgressListener}, total unknown until {@link #finish}. */
final class Progress {
  private final ProgressListener listener;
  private long done;

  Progress(ProgressListener listener) {
    this.listener = listener;
  }

  void add(long rows) {
    done += rows;
    listener.progress(done, -1);
  }

  void finish() {
    listener.progress(done, done);
  }
}
