package dev.idsettle.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An insertion-ordered map for the working set of one judged batch: most batches touch two accounts
 * and insert one transfer, which this finds by a linear scan of at most {@value #SCAN} keys,
 * without the entries and table a {@code LinkedHashMap} allocates; past that, a hash index of
 * positions takes over. Values are kept in a list that {@link #values()} hands out as it is. Not
 * thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class WorkingSetMap<K, V> {
  private static final int SCAN = 8;

  private final List<K> keys;
  private final List<V> values;
  private @Nullable Map<K, Integer> positions;

  /** With room for {@code expected} entries. */
  WorkingSetMap(int expected) {
    keys = new ArrayList<>(expected);
    values = new ArrayList<>(expected);
  }

  private int indexOf(K key) {
    Map<K, Integer> index = positions;
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** The value of {@code key}, or null. */
  @Nullable V get(K key) {
    int i = indexOf(key);
    return i < 0 ? null : values.get(i);
  }

  boolean containsKey(K key) {
    return indexOf(key) >= 0;
  }

  /** Maps {@code key} to {@code value}, in place if it was there (its position kept), else last. */
  @Nullable V put(K key, V value) {
    int i = indexOf(key);
    if (i >= 0) {
      return values.set(i, value);
    }
    keys.add(key);
    values.add(value);
    Map<K, Integer> index = positions;
    if (index != null) {
      index.put(key, keys.size() - 1);
    } else if (keys.size() > SCAN) {
      index = new HashMap<>(4 * keys.size());
      for (int k = 0; k < keys.size(); k++) {
        index.put(keys.get(k), k);
      }
      positions = index;
    }
    return null;
  }

  /** Removes {@code key}, keeping the order of the others (rare: undoing a refused group). */
  void remove(K key) {
    int i = indexOf(key);
    if (i < 0) {
      return;
    }
    keys.remove(i);
    values.remove(i);
    Map<K, Integer> index = positions;
    if (index != null) {
      index.remove(key);
      for (int k = i; k < keys.size(); k++) {
        index.put(keys.get(k), k);
      }
    }
  }

  int size() {
    return keys.size();
  }

  /** The values in insertion order: the map's own list, for a caller done with the map. */
  List<V> values() {
    return values;
  }
}
