package dev.idsettle.store.memory;

import java.util.Arrays;

/**
 * Every {@value TransferChains#MARK_EVERY}th record of a long account chain, so that a page deep
 * into it starts near its offset instead of at the head. Appended by one writer at a time; read
 * without a lock (an element is written before the size that covers it).
 */
final class ChainMarks {
  private volatile int[] marks = new int[4];
  private volatile int size;

  /** Appends the record at the next marked position. Writer only. */
  void add(int record) {
    int[] m = marks;
    int n = size;
    if (n == m.length) {
      m = Arrays.copyOf(m, n * 2);
      marks = m;
    }
    m[n] = record;
    size = n + 1;
  }

  int size() {
    return size;
  }

  /** Mark {@code i}, below a {@link #size()} read before. */
  int get(int i) {
    return marks[i];
  }
}
