package dev.idsettle.store.memory;

import dev.idsettle.spi.StoreException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An open-addressing hash index of positive ints (record numbers) whose keys live in the records,
 * like {@link IntHashIndex}, but each entry keeps 32 bits of its key's hash beside the record
 * number: 8 bytes a slot instead of 4. A probe then reads a record only when those bits match
 * (almost only the record looked for), where an untagged index reads the record of every occupied
 * slot it passes: for a key that is absent, as every new transfer id is, that is one or two random
 * reads of memory fewer per look-up. Growing needs no record either.
 *
 * <p>Split by hash into {@value #SEGMENTS} segments that grow one at a time. Writers of a segment
 * hold its monitor ({@link #segmentLock}), so writers of different segments work in parallel;
 * readers need no lock. An entry is published with release semantics after its record was written,
 * and growing builds a new table and publishes it whole, so a reader probing the old one still
 * finds everything that was there when it started.
 */
final class TaggedHashIndex {
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final int SEGMENT_BITS = 8;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;
  private static final int MAX_SEGMENT_CAPACITY = 1 << 28;

  private final Segment[] segments = new Segment[SEGMENTS];

  /** One table of the index; its entries' hashes share their top {@value #SEGMENT_BITS} bits. */
  private static final class Segment {
    volatile long[] table;
    int size;
    int threshold;

    Segment(int capacity) {
      table = new long[capacity];
      threshold = thresholdOf(capacity);
    }
  }

  /** With room for about {@code initialCapacity} entries before the first growth. */
  TaggedHashIndex(int initialCapacity) {
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

  /** Whether {@code more} entries can still be added to {@code segment}. Its writer only. */
  boolean hasRoomFor(int segment, int more) {
    return (long) segments[segment].size + more <= thresholdOf(MAX_SEGMENT_CAPACITY);
  }

  /** The segment of a key with {@code hash}, from 0 to {@value #SEGMENTS} - 1. */
  static int segmentOf(long hash) {
    return (int) (SlotHash.mix(hash) >>> (64 - SEGMENT_BITS));
  }

  /** The object whose monitor a writer of {@code segment} holds. */
  Object segmentLock(int segment) {
    return segments[segment];
  }

  /** The value whose record matches, or 0; {@code match} is asked only when the tags agree. */
  int find(long hash, IntHashIndex.Match match) {
    long h = SlotHash.mix(hash);
    int tag = (int) h;
    long[] t = segments[(int) (h >>> (64 - SEGMENT_BITS))].table;
    int mask = t.length - 1;
    for (int i = tag & mask; ; i = (i + 1) & mask) {
      long entry = (long) LONGS.getAcquire(t, i);
      if (entry == 0) {
        return 0;
      }
      if ((int) (entry >>> 32) == tag && match.test((int) entry)) {
        return (int) entry;
      }
    }
  }

  /** Adds {@code value}, whose key the caller knows to be absent. Under the segment's monitor. */
  void add(long hash, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("values must be positive, was " + value);
    }
    long h = SlotHash.mix(hash);
    Segment s = segments[(int) (h >>> (64 - SEGMENT_BITS))];
    if (s.size >= s.threshold) {
      grow(s);
    }
    long entry = (h << 32) | value;
    long[] t = s.table;
    int mask = t.length - 1;
    int i = (int) h & mask;
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    LONGS.setRelease(t, i, entry);
    s.size++;
  }

  private void grow(Segment s) {
    long[] old = s.table;
    if (old.length >= MAX_SEGMENT_CAPACITY) {
      throw new StoreException("the memory store's index is full at " + size() + " entries", false);
    }
    long[] t = new long[old.length << 1];
    int mask = t.length - 1;
    for (long entry : old) {
      if (entry != 0) {
        // the tag is the hash's low 32 bits, and so holds its slot in any table up to 2^32
        int i = (int) (entry >>> 32) & mask;
        while (t[i] != 0) {
          i = (i + 1) & mask;
        }
        t[i] = entry;
      }
    }
    s.table = t;
    s.threshold = thresholdOf(t.length);
  }

  /** At most 60% full, as {@link IntHashIndex}. */
  private static int thresholdOf(int capacity) {
    return (int) (capacity * 0.6);
  }
}
