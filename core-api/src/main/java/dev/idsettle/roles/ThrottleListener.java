package dev.idsettle.roles;

/**
 * Receives {@link ThrottledEvent}s, on the thread whose request spent the budget; registered with
 * {@link IdSettle#addThrottleListener}. A listener that throws is logged and skipped.
 */
@FunctionalInterface
public interface ThrottleListener {
  /** Called when a guessing budget was spent. */
  void onThrottled(ThrottledEvent event);
}
