package dev.idsettle.store.memory;

import dev.idsettle.spi.StoreException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An open-addressing hash index of positive ints (record numbers) whose keys live in the records
 * themselves: 4 bytes a slot instead of a map entry. Linear probing; entries are never removed. It
 * is split by hash into {@value #SEGMENTS} segments that grow one at a time, so that a growth
 * rehashes 1/{@value #SEGMENTS} of the entries (milliseconds, not a pause of the whole store).
 *
 * <p>One writer at a time (the caller's lock); readers need no lock. An entry is published with
 * release semantics after its record was written, and growing builds a new table and publishes it
 * whole, so a reader probing the old one still finds everything that was there when it started.
 */
final class IntHashIndex {
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
  private static final int SEGMENT_BITS = 8;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;
  private static final int MAX_SEGMENT_CAPACITY = 1 << 28;

  /** The hash of the key of the record {@code value}, for rehashing. */
  @FunctionalInterface
  interface Rehash {
    long hashOf(int value);
  }

  /** Whether the record {@code value} holds the key looked for. */
  @FunctionalInterface
  interface Match {
    boolean test(int value);
  }

  private final Rehash rehash;
  private final Segment[] segments = new Segment[SEGMENTS];

  /** One table of the index; its entries' hashes share their top {@value #SEGMENT_BITS} bits. */
  private static final class Segment {
    volatile int[] table;
    int size;
    int threshold;

    Segment(int capacity) {
      table = new int[capacity];
      threshold = thresholdOf(capacity);
    }
  }

  /** With room for about {@code initialCapacity} entries before the first growth. */
  IntHashIndex(int initialCapacity, Rehash rehash) {
    this.rehash = rehash;
    int perSegment = initialCapacity / SEGMENTS;
    int capacity = 8;
    while (thresholdOf(capacity) < perSegment) {
      capacity <<= 1;
    }
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(capacity);
    }
  }

  /** The number of entries. Exact when no writer is at work. */
  int size() {
    int total = 0;
    for (Segment s : segments) {
      total += s.size;
    }
    return total;
  }

  /** Whether {@code more} entries can still be added, however they fall. Sole writer only. */
  boolean hasRoomFor(int more) {
    int largest = 0;
    for (Segment s : segments) {
      largest = Math.max(largest, s.size);
    }
    return (long) largest + more <= thresholdOf(MAX_SEGMENT_CAPACITY);
  }

  /** The slots of all tables, for tests of growth. */
  long capacity() {
    long total = 0;
    for (Segment s : segments) {
      total += s.table.length;
    }
    return total;
  }

  /** The value whose record matches, or 0. */
  int find(long hash, Match match) {
    long h = SlotHash.mix(hash);
    int[] t = segments[segmentOf(h)].table;
    int mask = t.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      int value = (int) INTS.getAcquire(t, i);
      if (value == 0 || match.test(value)) {
        return value;
      }
    }
  }

  /** Adds {@code value}, whose key the caller knows to be absent. Writer only. */
  void add(long hash, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("values must be positive, was " + value);
    }
    long h = SlotHash.mix(hash);
    Segment s = segments[segmentOf(h)];
    if (s.size >= s.threshold) {
      grow(s);
    }
    int[] t = s.table;
    int mask = t.length - 1;
    int i = (int) h & mask;
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    INTS.setRelease(t, i, value);
    s.size++;
  }

  private void grow(Segment s) {
    int[] old = s.table;
    if (old.length >= MAX_SEGMENT_CAPACITY) {
      throw new StoreException("the memory store's index is full at " + size() + " entries", false);
    }
    int[] t = new int[old.length << 1];
    int mask = t.length - 1;
    for (int value : old) {
      if (value != 0) {
        int i = (int) SlotHash.mix(rehash.hashOf(value)) & mask;
        while (t[i] != 0) {
          i = (i + 1) & mask;
        }
        t[i] = value;
      }
    }
    s.table = t;
    s.threshold = thresholdOf(t.length);
  }

  /** At most 60% full: short probes, and 10 million entries still fit 2^24 slots. */
  private static int thresholdOf(int capacity) {
    return (int) (capacity * 0.6);
  }

  private static int segmentOf(long mixedHash) {
    return (int) (mixedHash >>> (64 - SEGMENT_BITS));
  }
}
