package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.store.memory.MemoryStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the heap retained per active ID in {@link MemoryStore}: issues and activates N IDs (and
 * optionally debits each a few times), then compares the used heap after several full GCs with the
 * empty store's. Not JMH: run it in its own JVM with enough heap, e.g. {@code java -Xmx6g -cp
 * benchmarks.jar dev.idsettle.bench.HeapPerId 1000000 0}. Target: 10 million active IDs in 2 GiB.
 */
public final class HeapPerId {
  private static final long TARGET_IDS = 10_000_000L;
  private static final long TARGET_BYTES = 2L << 30;
  private static final int CHUNK = 100_000;

  private HeapPerId() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of IDs (default 1 000 000) and debits per ID (default 0)
   */
  public static void main(String[] args) throws InterruptedException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int debitsPerId = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    MemoryStore store = MemoryStore.create();
    Heap heap = populate(store, count, debitsPerId);
    long storeOnly;
    try {
      storeOnly = usedHeapAfterGc(); // the facade and its roles are gone
    } finally {
      Reference.reachabilityFence(store);
    }
    System.out.printf(
        "%,d active IDs, %d debit(s) each, %s %s%n",
        count,
        debitsPerId,
        ManagementFactory.getRuntimeMXBean().getVmName(),
        System.getProperty("java.version"));
    report("memory store only", storeOnly - heap.empty(), count);
    // IdSettle keeps no ID-hash cache over a store whose reads are local, so this is about the same
    report("memory store + IdSettle (defaults)", heap.filled() - heap.empty(), count);
  }

  /** Used heap before and after filling, with the facade still reachable. */
  private record Heap(long empty, long filled) {}

  private static Heap populate(MemoryStore store, int count, int debitsPerId)
      throws InterruptedException {
    byte[] key = new byte[32];
    new SplittableRandom(7).nextBytes(key);
    IdSettle settle = IdSettle.builder(store).issuerKey(key).currency(Fixture.EUR).build();
    SettlementTerminal till = settle.terminal("till");
    SettlementAuthenticator service =
        settle.authenticator(new Service("svc", Money.zero(Fixture.EUR)));
    long empty = usedHeapAfterGc();
    for (int done = 0; done < count; done += CHUNK) {
      fill(settle, till, service, Math.min(CHUNK, count - done), done, debitsPerId);
    }
    try {
      return new Heap(empty, usedHeapAfterGc());
    } finally {
      Reference.reachabilityFence(settle);
      Reference.reachabilityFence(till);
      Reference.reachabilityFence(service);
    }
  }

  private static void fill(
      IdSettle settle,
      SettlementTerminal till,
      SettlementAuthenticator service,
      int n,
      int offset,
      int debitsPerId) {
    List<IdNumber> ids = settle.issuer().issue(n, ExpiryPolicy.never()).ids();
    Money balance = Money.of(1_000_000, Fixture.EUR);
    Money amount = Money.of(1, Fixture.EUR);
    for (int i = 0; i < ids.size(); i++) {
      IdNumber id = ids.get(i);
      if (!(till.activate(id, balance, "a" + (offset + i)) instanceof Activated)) {
        throw new IllegalStateException("activation " + (offset + i) + " failed");
      }
      for (int d = 0; d < debitsPerId; d++) {
        String reference = "d" + (offset + i) + "-" + d;
        var result = service.authorize(new AuthorizationRequest(id, amount, "kiosk", reference));
        if (!(result instanceof Permit)) {
          throw new IllegalStateException("debit " + reference + " failed: " + result);
        }
      }
    }
  }

  private static void report(String what, long bytes, int count) {
    double perId = (double) bytes / count;
    double projected = perId * TARGET_IDS;
    System.out.printf(
        "%-34s %,8.1f bytes/ID -> 10 million IDs: %,6.2f GiB (target 2 GiB: %s)%n",
        what + ":", perId, projected / (1L << 30), projected <= TARGET_BYTES ? "met" : "MISSED");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
