package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The open-addressing index: growth, colliding hashes, and readers while it grows. */
class IntHashIndexTest {
  private static final int N = 200_000;

  /** Keys of values 1..N, as the records an index points into would hold them. */
  private final long[] keys = randomKeys(N + 1, 42);

  private final IntHashIndex index = new IntHashIndex(16, v -> keys[v]);

  @Test
  void findsEveryValueAcrossManyGrowths() {
    long largestGrowth = 0;
    for (int v = 1; v <= N; v++) {
      long before = index.capacity();
      index.add(keys[v], v);
      largestGrowth = Math.max(largestGrowth, index.capacity() - before);
    }

    assertThat(index.size()).isEqualTo(N);
    assertThat(largestGrowth).as("one segment grows at a time").isLessThan(index.capacity() / 64);
    assertThat(index.capacity()).isGreaterThanOrEqualTo(N * 5 / 3).isLessThan(4 * N);
    for (int v = 1; v <= N; v++) {
      long key = keys[v];
      assertThat(index.find(key, x -> keys[x] == key)).isEqualTo(v);
    }
    long[] absent = randomKeys(1_000, 7);
    for (long key : absent) {
      assertThat(index.find(key, x -> keys[x] == key)).isZero();
    }
  }

  @Test
  void valuesWithTheSameHashAreToldApartByTheirKeys() {
    IntHashIndex oneHash = new IntHashIndex(16, v -> 7);
    long[] ids = new long[65];
    for (int v = 1; v <= 64; v++) {
      ids[v] = 1000L + v;
      oneHash.add(7, v); // every value under one hash: one long probe run, through growth
    }
    for (int v = 1; v <= 64; v++) {
      long id = ids[v];
      assertThat(oneHash.find(7, x -> ids[x] == id)).isEqualTo(v);
    }
    assertThat(oneHash.find(7, x -> false)).isZero();
  }

  @Test
  void knowsWhenItWouldBeFull() {
    index.add(keys[1], 1);
    assertThat(index.hasRoomFor(1_000_000)).isTrue();
    assertThat(index.hasRoomFor(Integer.MAX_VALUE)).isFalse();
  }

  @Test
  void refusesNonPositiveValues() {
    assertThatThrownBy(() -> index.add(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(1, -3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readersFindEverythingPublishedBeforeTheyLookWhileTheIndexGrows() throws Exception {
    AtomicInteger published = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      SplittableRandom random = new SplittableRandom(t);
      Thread reader =
          new Thread(
              () -> {
                while (!done.get() && failure.get() == null) {
                  int upTo = published.get();
                  if (upTo == 0) {
                    continue;
                  }
                  int v = 1 + random.nextInt(upTo);
                  long key = keys[v];
                  int found = index.find(key, x -> keys[x] == key);
                  if (found != v) {
                    failure.set("value " + v + " of " + upTo + " published, found " + found);
                  }
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int v = 1; v <= N; v++) {
      index.add(keys[v], v);
      published.set(v);
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }

    assertThat(failure.get()).isNull();
  }

  private static long[] randomKeys(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextLong();
    }
    return out;
  }
}
