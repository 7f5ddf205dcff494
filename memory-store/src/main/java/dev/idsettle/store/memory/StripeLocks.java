package dev.idsettle.store.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Mutual-exclusion locks, one int each in one array: 4 bytes a stripe where a {@code ReentrantLock}
 * is two objects, so that taking a random stripe touches one cache line that is likely cached, not
 * two that are not. Not reentrant; the holder releases. A waiter spins briefly, then yields, then
 * parks for growing intervals, re-trying each time: stripes are held for microseconds (one
 * transaction), so a waiter rarely gets past spinning.
 */
final class StripeLocks {
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
  private static final int SPINS = 64;
  private static final int YIELDS = 16;
  private static final long MAX_PARK_NANOS = 100_000;

  private final int[] states;

  StripeLocks(int stripes) {
    states = new int[stripes];
  }

  /** Takes stripe {@code i}, waiting as long as it takes. */
  // Thread.yield between spinning and parking is the point here: a stripe is held for a few
  // hundred nanoseconds, less than a park and unpark cost.
  @SuppressWarnings("ThreadPriorityCheck")
  void lock(int i) {
    if (INTS.compareAndSet(states, i, 0, 1)) {
      return;
    }
    long parkNanos = 1_000;
    for (int attempt = 0; ; attempt++) {
      if ((int) INTS.getOpaque(states, i) == 0 && INTS.compareAndSet(states, i, 0, 1)) {
        return;
      }
      if (attempt < SPINS) {
        Thread.onSpinWait();
      } else if (attempt < SPINS + YIELDS) {
        Thread.yield();
      } else {
        LockSupport.parkNanos(this, parkNanos);
        parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
      }
    }
  }

  /** Releases stripe {@code i}, which the caller holds. */
  void unlock(int i) {
    INTS.setRelease(states, i, 0);
  }

  /** Whether stripe {@code i} is held, for tests. */
  boolean isLocked(int i) {
    return (int) INTS.getVolatile(states, i) != 0;
  }
}
