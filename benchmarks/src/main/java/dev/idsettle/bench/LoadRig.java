package dev.idsettle.bench;

import dev.idsettle.http.HttpManagerServer;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.http.Parties;
import dev.idsettle.http.Party;
import dev.idsettle.http.RequestSigner;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What the HTTP load benchmarks run against: a manager over the memory store or durable embedded
 * PostgreSQL (group commit on, 256 commands), {@value #IDS} activated IDs, a service with its
 * authenticator (called directly for the in-process baseline) and an authenticator party with its
 * key (for the same role over HTTP).
 */
final class LoadRig implements AutoCloseable {
  static final int IDS = 1024;
  static final String PARTY = "bench-1";

  /** The server's allowed clock skew in the load benchmarks. */
  static final Duration SKEW = Duration.ofMinutes(5);

  /** Each client or pool its own generation, so no nonce or reference repeats an earlier one. */
  static final AtomicLong GENERATIONS = new AtomicLong();

  final String kind;
  final IdSettle settle;
  final IdNumber[] ids;
  final SettlementManager manager;
  final SettlementAuthenticator device;
  final RequestSigner signer;
  private final Parties parties;
  private final @Nullable Databases db;

  private LoadRig(String kind, IdSettle settle, @Nullable Databases db) {
    this.kind = kind;
    this.settle = settle;
    this.db = db;
    this.ids = activate(settle);
    this.manager = SettlementManager.over(settle);
    this.device = manager.register(new Service("bench", Money.zero(Fixture.EUR)));
    byte[] partyKey = key(7);
    this.signer = RequestSigner.of(PARTY, partyKey);
    this.parties = Parties.builder().add(Party.authenticator(PARTY, "bench"), partyKey).build();
  }

  /** A rig over {@code kind}: {@code memory} or {@code postgres}. */
  static LoadRig open(String kind) {
    Databases db = null;
    LedgerStore store;
    if (kind.equals("postgres")) {
      db = Databases.open("postgres");
      SchemaMigrator.of(db.pool()).migrate();
      store = JdbcStore.builder(db.pool()).build();
    } else if (kind.equals("memory")) {
      store = MemoryStore.create();
    } else {
      throw new IllegalArgumentException("store must be memory or postgres, was " + kind);
    }
    IdSettle settle =
        IdSettle.builder(store)
            .issuerKey(key(42))
            .currency(Fixture.EUR)
            .maxActivationAmount(Money.of(Fixture.BALANCE, Fixture.EUR))
            .groupCommit(kind.equals("postgres") ? 256 : 0)
            .build();
    return new LoadRig(kind, settle, db);
  }

  /**
   * The manager on HTTP, on loopback, with {@code threads} handler threads and a clock skew of
   * {@link #SKEW}: signing a pool for wrk takes tens of seconds on a loaded machine, and its
   * timestamps must stay acceptable until the run ends. The check costs the same whatever the skew
   * (a comparison; the nonce cache keeps nonces twice as long, far below its bound at these rates).
   */
  HttpManagerServer serve(int threads) {
    return HttpManagerServer.builder(ManagerEndpoint.of(settle, manager), parties)
        .threads(threads)
        .maxClockSkew(SKEW)
        .start();
  }

  @Override
  public void close() throws java.io.IOException {
    settle.close();
    if (db != null) {
      db.close();
    }
  }

  private static byte[] key(long seed) {
    byte[] key = new byte[32];
    new SplittableRandom(seed).nextBytes(key);
    return key;
  }

  private static IdNumber[] activate(IdSettle settle) {
    List<IdNumber> issued = settle.issuer().issue(IDS, ExpiryPolicy.never()).ids();
    SettlementTerminal till = settle.terminal("bench-till");
    Money balance = Money.of(Fixture.BALANCE, Fixture.EUR);
    for (int i = 0; i < issued.size(); i++) {
      till.activate(issued.get(i), balance, "activation-" + i);
    }
    return issued.toArray(new IdNumber[0]);
  }
}
