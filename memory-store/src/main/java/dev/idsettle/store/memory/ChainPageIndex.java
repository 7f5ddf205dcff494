package dev.idsettle.store.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The record at every {@value TransferChains#MARK_EVERY}th position of a long account chain, so
 * that a page deep into it starts near its end instead of at the chain's tail. Mark {@code k} is
 * the record at position {@code (k + 1) * MARK_EVERY - 1}. Set under this object's monitor (once
 * per {@value TransferChains#MARK_EVERY} appends); read without a lock, where a mark not yet set
 * reads as 0 and the reader starts further on.
 */
final class ChainPageIndex {
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  private volatile int[] marks = new int[4];

  /** Sets mark {@code k} to {@code record}. */
  synchronized void set(int k, int record) {
    int[] m = marks;
    if (k >= m.length) {
      m = Arrays.copyOf(m, Math.max(m.length * 2, k + 1));
      INTS.setRelease(m, k, record);
      marks = m;
    } else {
      INTS.setRelease(m, k, record);
    }
  }

  /** Mark {@code k}, or 0 if it is not set (yet). */
  int get(int k) {
    int[] m = marks;
    return k < m.length ? (int) INTS.getAcquire(m, k) : 0;
  }
}
