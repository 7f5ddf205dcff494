package dev.idsettle.http.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.http.Party;
import dev.idsettle.http.Reply;
import dev.idsettle.http.RequestNotSentException;
import dev.idsettle.http.Transport;
import dev.idsettle.http.message.Operation;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.store.jdbc.JdbcStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once test of issue 27: a manager and two authenticators, each a child JVM with its
 * own H2 file, a proxy between them on loopback that drops, duplicates, delays and reorders
 * messages at random, and each process killed with SIGKILL and restarted mid-run. Afterwards, over
 * all three ledgers together: value conserved, no overdraft, every answer a client was told as done
 * is there.
 *
 * <p>{@code -Didsettle.chaos.seed=N} repeats a seed's choices (the threads' timing still varies);
 * {@code -Didsettle.chaos.seconds} sets the run's length; {@code -Didsettle.chaos.broken=true} runs
 * the manager with {@link BrokenConfirm}, and the test must then fail.
 */
class ExactlyOnceTest {
  static final int IDS = 6;
  static final long VALUE = 5_000;
  static final long HOLD_MILLIS = 10_000;

  final long seed = Long.getLong("idsettle.chaos.seed", System.nanoTime());
  final SplittableRandom random = new SplittableRandom(seed);
  final Path dir;
  final Map<String, Done> done = new ConcurrentHashMap<>();
  final AtomicInteger operations = new AtomicInteger();
  final AtomicInteger unknown = new AtomicInteger();
  final AtomicInteger denied = new AtomicInteger();
  final Map<String, AtomicInteger> kills = new ConcurrentHashMap<>();

  /** An answer a client was told was done. */
  record Done(Party party, char kind, TransferId transfer) {}

  ExactlyOnceTest() throws IOException {
    dir = Path.of("target", "exactly-once", Long.toString(seed)).toAbsolutePath();
    // a rerun of a seed starts from empty ledgers: files left by an earlier run would carry its
    // state (and any difference it ended with) into this one
    if (Files.exists(dir)) {
      try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  @Test
  void everyTransferAppliesOnceAcrossTheLedgersWhateverIsLostRepeatedOrKilled() throws Exception {
    try {
      run();
    } catch (Throwable t) {
      throw new AssertionError(
          "exactly-once failed with seed "
              + seed
              + " (-Didsettle.chaos.seed="
              + seed
              + "; processes' stderr in "
              + dir
              + ")",
          t);
    }
  }

  private void run() throws Exception {
    List<IdNumber> ids = init();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> managerArgs =
        new ArrayList<>(
            List.of(
                "serve",
                dir.resolve("manager").toString(),
                Integer.toString(port),
                Long.toString(HOLD_MILLIS)));
    if (Boolean.getBoolean("idsettle.chaos.broken")) {
      managerArgs.add("broken");
    }
    long seconds = Long.getLong("idsettle.chaos.seconds", 30);
    try (Device manager =
            new Device("manager", dir, ManagerMain.class, managerArgs.toArray(new String[0]));
        ChaosProxy proxy =
            new ChaosProxy(random.nextLong(), URI.create("http://127.0.0.1:" + port))) {
      manager.start();
      Device phone = device(Chaos.PHONE_DEVICE, proxy);
      Device music = device(Chaos.MUSIC_DEVICE, proxy);
      try (phone;
          music) {
        phone.start();
        music.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        threads.add(client(phone, Chaos.PHONE_DEVICE, ids, random.split(), deadline));
        threads.add(client(music, Chaos.MUSIC_DEVICE, ids, random.split(), deadline));
        threads.add(killer(List.of(manager, phone, music), random.split(), deadline));
        for (Thread t : threads) {
          t.start();
        }
        for (Thread t : threads) {
          t.join();
        }
        if (!manager.alive()) {
          manager.start();
        }
        drain(phone, "phone-1");
        drain(music, "music-1");
        System.out.printf(
            "exactly-once seed %d: %d operations (%d done, %d denied, %d unknown), kills %s,"
                + " proxy forwarded %d, dropped %d requests and %d answers, duplicated %d%n",
            seed,
            operations.get(),
            done.size(),
            denied.get(),
            unknown.get(),
            kills,
            proxy.forwarded.get(),
            proxy.droppedRequests.get(),
            proxy.droppedAnswers.get(),
            proxy.duplicated.get());
      }
    }
    verify(ids);
  }

  private List<IdNumber> init() throws IOException {
    JdbcStore store = Chaos.h2(dir.resolve("manager").toString());
    List<IdNumber> ids;
    try (IdSettle settle = ManagerMain.settle(store)) {
      ids = settle.issuer().issue(IDS, dev.idsettle.ledger.ExpiryPolicy.never()).ids();
      for (IdNumber id : ids) {
        settle.terminal("till").activate(id, Money.of(VALUE, "EUR"), "sale-" + id.digits());
      }
    }
    Chaos.close(dir.resolve("manager").toString());
    return ids;
  }

  private Device device(Party party, ChaosProxy proxy) {
    return new Device(
        party.name(),
        dir,
        AuthenticatorMain.class,
        dir.resolve(party.name()).toString(),
        party.name(),
        String.valueOf(party.service()),
        proxy.uri().toString());
  }

  /** A client of one device: loads, spends and gives back at random; retries unknown outcomes. */
  private Thread client(
      Device device, Party party, List<IdNumber> ids, SplittableRandom r, long deadline) {
    return new Thread(
        () -> {
          List<String> retries = new ArrayList<>();
          int n = 0;
          try {
            while (System.nanoTime() < deadline) {
              String command;
              if (!retries.isEmpty() && r.nextInt(3) == 0) {
                command = retries.remove(r.nextInt(retries.size()));
              } else {
                String ref = party.name() + "-" + n++;
                String id = ids.get(r.nextInt(ids.size())).digits();
                int pick = r.nextInt(20);
                command =
                    pick < 8
                        ? "A " + ref + " " + id + " " + (50 + r.nextInt(400))
                        : pick < 16
                            ? "L " + ref + " " + id + " " + (200 + r.nextInt(1500))
                            : "G " + ref + " " + id;
              }
              operations.incrementAndGet();
              String answer = device.ask(command);
              if (answer == null) {
                unknown.incrementAndGet();
                retries.add(command);
                device.kill();
                device.start();
                continue;
              }
              String[] a = answer.split(" ", -1);
              if (a[2].equals("DONE")) {
                done.put(
                    a[1],
                    new Done(
                        party, command.charAt(0), TransferId.of(java.util.UUID.fromString(a[3]))));
              } else if (a[2].equals("UNKNOWN")) {
                unknown.incrementAndGet();
                retries.add(command);
              } else {
                denied.incrementAndGet();
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "client-" + party.name());
  }

  /** Kills one of the processes with SIGKILL every 6 to 12 seconds; the manager it restarts. */
  private Thread killer(List<Device> devices, SplittableRandom r, long deadline) {
    return new Thread(
        () -> {
          try {
            while (true) {
              Thread.sleep(6_000 + r.nextInt(6_000));
              if (System.nanoTime() > deadline) {
                return;
              }
              int victim = r.nextInt(devices.size());
              Device d = devices.get(victim);
              d.kill();
              kills
                  .computeIfAbsent(
                      victim == 0 ? "manager" : "device-" + victim, k -> new AtomicInteger())
                  .incrementAndGet();
              if (victim == 0) {
                Thread.sleep(r.nextInt(1_000));
                d.start();
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        "killer");
  }

  /** Lets a device's recovery finish every pending transfer (the proxy still misbehaving). */
  private void drain(Device device, String name) throws Exception {
    for (int i = 0; i < 300; i++) {
      String answer = device.ask("P drain-" + i);
      if (answer == null) {
        device.kill();
        device.start();
      } else if (answer.endsWith(" 0")) {
        return;
      }
    }
    throw new AssertionError(name + " still has pending transfers");
  }

  private void verify(List<IdNumber> ids) {
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
    JdbcStore managerStore = Chaos.h2(dir.resolve("manager").toString());
    try (IdSettle settle =
        IdSettle.builder(managerStore).issuerKey(Chaos.key("issuer")).clock(later).build()) {
      // holds a device never recorded (it died after the reserve) time out at the manager
      settle.ledger().expireHolds(10_000);
      ManagerTransfers transfers =
          ManagerTransfers.over(settle, SettlementManager.over(settle), Duration.ofSeconds(1));
      long total = 0;
      for (IdNumber id : ids) {
        Account a = settle.account(id).orElseThrow();
        assertThat(a.reserved()).as("no hold left open at the manager").isZero();
        assertThat(a.available()).as("no overdraft at the manager").isNotNegative();
        total += a.posted();
      }
      for (Party party : List.of(Chaos.PHONE_DEVICE, Chaos.MUSIC_DEVICE)) {
        String service = String.valueOf(party.service());
        LocalAuthenticator device =
            LocalAuthenticator.builder(
                    Chaos.ledger(Chaos.h2(dir.resolve(party.name()).toString())),
                    new Offline(party.name()),
                    Chaos.service(service))
                .key(Chaos.key("local-" + party.name()))
                .build();
        assertThat(device.recover(10_000)).as("nothing pending at %s", party.name()).isZero();
        long floatAtManager =
            settle
                .ledger()
                .account(transfers.floatAccount(service))
                .map(Account::posted)
                .orElse(0L);
        assertThat(device.holding().minor())
            .as("what %s holds is what the manager gave it, net of what it gave back", party.name())
            .isEqualTo(floatAtManager);
        for (IdNumber id : ids) {
          long here = device.balance(id).map(Money::minor).orElse(0L);
          assertThat(here).as("no overdraft at %s", party.name()).isNotNegative();
          total += here;
        }
        total += device.revenue().minor();
        checkDone(party, device.ledger(), settle.ledger());
      }
      assertThat(total).as("value conserved over the three ledgers").isEqualTo(IDS * VALUE);
    } finally {
      for (String file : List.of("manager", Chaos.PHONE_DEVICE.name(), Chaos.MUSIC_DEVICE.name())) {
        Chaos.close(dir.resolve(file).toString());
      }
    }
  }

  private void checkDone(Party party, Ledger local, Ledger manager) {
    for (Map.Entry<String, Done> e : done.entrySet()) {
      Done d = e.getValue();
      if (!d.party().equals(party)) {
        continue;
      }
      Optional<Transfer> here = local.transfer(d.transfer());
      assertThat(here).as("%s told done: %s", e.getKey(), d).isPresent();
      if (d.kind() == 'A') {
        assertThat(here.get().applied()).isTrue();
        continue;
      }
      assertThat(here.get().holdState())
          .as("%s settled here", e.getKey())
          .isEqualTo(HoldState.CAPTURED);
      TransferId there =
          d.kind() == 'L'
              ? TransferIds.capture(party.name(), d.transfer())
              : TransferIds.repay(party.name(), d.transfer());
      assertThat(manager.transfer(there).map(Transfer::applied))
          .as("%s applied at the manager", e.getKey())
          .contains(true);
    }
  }

  /** A transport for the final check: the manager is never asked. */
  private record Offline(String partyName) implements Transport {
    @Override
    public Reply exchange(Operation operation, byte[] body) throws IOException {
      throw new RequestNotSentException("offline", new IOException("offline"));
    }

    @Override
    public void close() {}
  }
}
