package dev.idsettle.store.memory;

import dev.idsettle.spi.StoreException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Fixed-size records of {@code stride} longs in pages that never move, numbered from 1 (0 means
 * none). Any thread may allocate (numbers are taken by compare-and-set, a page is added under this
 * object's monitor); a record belongs to the thread that allocated it until that thread publishes
 * its number. Readers need no lock: a record is reached only through a number published with
 * release semantics after it was written, and existing pages stay where they are when the directory
 * grows.
 */
final class RecordPages {
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle PAGES = MethodHandles.arrayElementVarHandle(long[][].class);
  private static final VarHandle SIZE;
  private static final int MAX_RECORDS = Integer.MAX_VALUE;

  static {
    try {
      SIZE = MethodHandles.lookup().findVarHandle(RecordPages.class, "size", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String what;
  private final int stride;
  private final int shift;
  private final int mask;
  private volatile long[][] pages = new long[4][];
  private volatile int size;

  /**
   * @param what what a record holds, for the message when the pages are full
   * @param stride longs per record
   * @param shift log2 of the records per page
   */
  RecordPages(String what, int stride, int shift) {
    this.what = what;
    this.stride = stride;
    this.shift = shift;
    this.mask = (1 << shift) - 1;
  }

  /** The number of records allocated. */
  int size() {
    return size;
  }

  /** Allocates a zeroed record and returns its number. Thread-safe. */
  int allocate() {
    int number;
    do {
      number = size + 1;
      if (number == MAX_RECORDS) {
        throw new StoreException("the memory store holds the most " + what + " it can", false);
      }
    } while (!SIZE.compareAndSet(this, number - 1, number));
    int page = number >>> shift;
    long[][] directory = pages;
    if (page >= directory.length || PAGES.getAcquire(directory, page) == null) {
      addPage(page);
    }
    return number;
  }

  private synchronized void addPage(int page) {
    long[][] directory = pages;
    if (page >= directory.length) {
      directory = Arrays.copyOf(directory, Math.max(directory.length * 2, page + 1));
    }
    if (directory[page] == null) {
      PAGES.setRelease(directory, page, new long[stride << shift]);
    }
    pages = directory;
  }

  long get(int record, int field) {
    return pages[record >>> shift][offset(record, field)];
  }

  /** Reads a field that a writer may change after publishing the record. */
  long getAcquire(int record, int field) {
    return (long) LONGS.getAcquire(pages[record >>> shift], offset(record, field));
  }

  void set(int record, int field, long value) {
    pages[record >>> shift][offset(record, field)] = value;
  }

  /** Writes a field so that a reader who sees it also sees every write before it. */
  void setRelease(int record, int field, long value) {
    LONGS.setRelease(pages[record >>> shift], offset(record, field), value);
  }

  /** Sets a field to {@code update} if it holds {@code expected}, atomically. */
  boolean compareAndSet(int record, int field, long expected, long update) {
    return LONGS.compareAndSet(pages[record >>> shift], offset(record, field), expected, update);
  }

  private int offset(int record, int field) {
    return (record & mask) * stride + field;
  }
}
