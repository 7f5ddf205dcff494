package dev.idsettle.node;

import dev.idsettle.http.message.Operation;

/**
 * Told of what a node does, for metrics; no metrics library's types, so nothing is required of
 * users who want none ({@link #NONE}, the default). {@link MicrometerMetrics} is the Micrometer
 * binding. Called on the request threads and the group-commit thread: implementations are
 * thread-safe and quick.
 */
public interface NodeObserver {
  /** Observes nothing. */
  NodeObserver NONE =
      new NodeObserver() {
        @Override
        public void request(Operation operation, String outcome, String reason, long nanos) {}

        @Override
        public void groupCommitted(int batches, int commands) {}
      };

  /**
   * A request was answered.
   *
   * @param operation what was asked
   * @param outcome the answer's outcome ({@code permitted}, {@code denied}, {@code unknown}, ...)
   *     or {@code problem} for an error status
   * @param reason the denial reason ({@code INSUFFICIENT_BALANCE}, ...), the HTTP status of a
   *     problem, or {@code none}
   * @param nanos how long the node took to answer, in nanoseconds
   */
  void request(Operation operation, String outcome, String reason, long nanos);

  /** The manager's group commit made one store transaction of {@code batches} batches. */
  void groupCommitted(int batches, int commands);
}
