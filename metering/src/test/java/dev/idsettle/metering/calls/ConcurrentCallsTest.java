package dev.idsettle.metering.calls;

import static dev.idsettle.metering.calls.CallControlTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.SessionAnswer;
import dev.idsettle.metering.SessionAnswer.Granted;
import dev.idsettle.store.memory.MemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls sharing one ID never spend more than it holds, together. */
class ConcurrentCallsTest {

  @Test
  void twoCallsOnOneIdTogetherHitTheBalance() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber id = f.newId(100);
      granted(f.calls.dial("a", "0800", id, CallFixture.FRANCE));
      granted(f.calls.dial("b", "0800", id, CallFixture.FRANCE));
      assertThat(f.account(id).reserved()).isEqualTo(52);
      long[] used = {0, 0};
      boolean[] over = {false, false};
      String[] calls = {"a", "b"};
      for (int seq = 1; !(over[0] && over[1]); seq++) {
        for (int c = 0; c < 2; c++) {
          if (over[c]) {
            continue;
          }
          SessionAnswer answer = f.calls.report(calls[c], seq, Long.MAX_VALUE); // talk to the end
          if (answer instanceof Granted g) {
            used[c] = g.used();
          } else {
            over[c] = true;
          }
        }
      }
      long charged = f.record("a").collected() + f.record("b").collected();
      assertThat(charged).isLessThanOrEqualTo(100).isEqualTo(100 - f.account(id).posted());
      assertThat(f.account(id).posted()).isGreaterThanOrEqualTo(0).isLessThan(3);
      assertThat(f.account(id).reserved()).isZero();
      assertThat(f.revenue()).isEqualTo(charged);
    }
  }

  @Test
  void manyThreadsOfCallsOnOneIdNeverOverspend() throws Exception {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      long balance = 2_000;
      IdNumber id = f.newId(balance);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<List<String>>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> callUntilRefused(f, id, thread)));
      }
      List<String> callIds = new ArrayList<>();
      for (Future<List<String>> d : done) {
        callIds.addAll(d.get());
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      long collected = 0;
      for (String c : callIds) {
        CallRecord r = f.record(c);
        assertThat(r.collected()).isEqualTo(r.charge().amount());
        collected += r.collected();
      }
      assertThat(f.account(id).posted()).isGreaterThanOrEqualTo(0);
      assertThat(f.account(id).reserved()).isZero();
      assertThat(collected).isEqualTo(balance - f.account(id).posted());
      assertThat(f.revenue()).isEqualTo(collected);
      // the balance was used up, to less than one more call's first block
      assertThat(f.account(id).posted()).isLessThan(16);
    }
  }

  /** Calls on {@code id} with random lengths until the ID is refused; their ids. */
  private static List<String> callUntilRefused(CallFixture f, IdNumber id, int thread) {
    List<String> ids = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int n = 0; ; n++) {
      String call = "t" + thread + "-" + n;
      ids.add(call);
      if (!(f.calls.dial(call, "0800", id, CallFixture.FRANCE) instanceof Granted)) {
        return ids;
      }
      long seconds = 0;
      long length = random.nextLong(1, 400);
      for (int seq = 1; ; seq++) {
        seconds = Math.min(length, seconds + random.nextLong(1, 70));
        SessionAnswer a =
            seconds == length
                ? f.calls.hangUp(call, seq, seconds)
                : f.calls.report(call, seq, seconds);
        if (!(a instanceof Granted)) {
          break;
        }
      }
    }
  }
}
