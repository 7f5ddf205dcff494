package dev.idsettle.store.memory;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the distinct values it is shown (transfer codes, currencies, expiry policies), so that a
 * record keeps a small int instead of a reference: values repeat ("activation", "svc:phone"). Up to
 * {@code capacity} values; after that {@link #indexOf} answers 0 and the caller keeps the value
 * another way. Thread-safe; reads take no lock.
 *
 * @param <T> the value type, with value equality
 */
final class Interner<T> {
  private final ConcurrentHashMap<T, Integer> indexes = new ConcurrentHashMap<>();
  private final ObjectPages<T> values;
  private final int capacity;

  Interner(Class<T> type, int capacity) {
    this.values = new ObjectPages<>(type);
    this.capacity = capacity;
  }

  /** The index of {@code value} (from 1), numbering it if it is new; 0 when full. */
  int indexOf(T value) {
    Integer index = indexes.get(value);
    return index != null ? index : add(value);
  }

  private synchronized int add(T value) {
    Integer index = indexes.get(value);
    if (index != null) {
      return index;
    }
    if (values.size() >= capacity) {
      return 0;
    }
    int added = values.add(value);
    indexes.put(value, added);
    return added;
  }

  /** The value numbered {@code index} by {@link #indexOf}. */
  T valueAt(int index) {
    return values.get(index);
  }

  /** How many values are numbered. */
  int size() {
    return values.size();
  }
}
