package dev.idsettle.store.memory;

import dev.idsettle.spi.StoreException;
import java.util.Arrays;

/**
 * An append-only list of objects in pages that never move, indexed from 1 (0 means none). Appends
 * are serialized by this object's monitor (they are rare: the fields most transfers lack); a reader
 * reaches an element only through an index published after the element was stored, so it needs no
 * lock.
 *
 * @param <T> the element type
 */
final class ObjectPages<T> {
  private static final int SHIFT = 10;
  private static final int MASK = (1 << SHIFT) - 1;

  private final Class<T> type;
  private volatile Object[][] pages = new Object[4][];
  private volatile int size;

  ObjectPages(Class<T> type) {
    this.type = type;
  }

  /** The number of elements. */
  int size() {
    return size;
  }

  /** Appends {@code value} and returns its index. Thread-safe. */
  synchronized int add(T value) {
    int index = size + 1;
    if (index == Integer.MAX_VALUE) {
      throw new StoreException("the memory store holds the most values it can", false);
    }
    int page = index >>> SHIFT;
    Object[][] directory = pages;
    if (page >= directory.length) {
      directory = Arrays.copyOf(directory, directory.length * 2);
      pages = directory;
    }
    if (directory[page] == null) {
      directory[page] = new Object[1 << SHIFT];
    }
    directory[page][index & MASK] = value;
    size = index;
    return index;
  }

  /** The element at {@code index}, which must have been added. */
  T get(int index) {
    Object value = pages[index >>> SHIFT][index & MASK];
    if (value == null) {
      throw new IllegalStateException("no element " + index);
    }
    return type.cast(value);
  }
}
