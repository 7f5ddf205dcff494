package dev.idsettle.metering.calls;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.CallRecords;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.FaultyStore;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.tariff.Tariff;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.MutableClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A prepaid-call set-up on a real store: IdSettle, a metering engine for "phone" (slices of 60 s,
 * grants valid 90 s, warning at 30 s), the sample tariff (France by day: 5 cents to connect, 21
 * cents a minute billed 30/6), a recording line, and ledger moves for the tests (top-up, block,
 * refund, merge).
 */
final class CallFixture implements AutoCloseable {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant NOON = Instant.parse("2026-03-10T11:00:00Z"); // 12:00 in Paris
  static final String FRANCE = "33145678901";

  final MutableClock clock = MutableClock.at(NOON);
  final FaultyStore store;
  final IdSettle settle;
  final MeteringEngine engine;
  final CallRecords records;
  final RecordingLine line = new RecordingLine();
  final CallControl calls;

  CallFixture(LedgerStore base, FailureHandling failure) {
    this.store = new FaultyStore(base);
    byte[] key = new byte[32];
    new SplittableRandom(7).nextBytes(key); // a key that is no pattern, the same in every run
    this.settle = IdSettle.builder(store).issuerKey(key).currency(EUR).clock(clock).build();
    this.engine =
        MeteringEngine.create(
            settle, new MeteredService("phone", 60, Duration.ofSeconds(90), 30, failure));
    this.records = engine.records();
    this.calls = new CallControl(engine, tariff(), line, clock);
  }

  static Tariff tariff() {
    try {
      return Tariff.load(Path.of(CallFixture.class.getResource("/tariffs/calls.json").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  IdNumber newId(long balance) {
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    if (!(settle
            .terminal("till-1")
            .activate(id, Money.of(balance, EUR), UUID.randomUUID().toString())
        instanceof Activated)) {
      throw new IllegalStateException("activation failed");
    }
    return id;
  }

  Account account(IdNumber id) {
    return settle.account(id).orElseThrow();
  }

  CallRecord record(String callId) {
    return records.find(callId).orElseThrow();
  }

  void topUp(IdNumber id, long amount) {
    submit(
        LedgerCommand.post(
            TransferId.random(),
            settle.operatorAccounts().cash("till-1"),
            account(id).id(),
            amount,
            "top-up"));
  }

  void refund(IdNumber id, long amount) {
    submit(
        LedgerCommand.post(
            TransferId.random(),
            account(id).id(),
            settle.operatorAccounts().cash("till-1"),
            amount,
            "refund"));
  }

  void block(IdNumber id) {
    submit(
        LedgerCommand.changeState(
            account(id).id(), EnumSet.of(AccountState.ACTIVE), AccountState.BLOCKED));
  }

  /** Moves what is available of {@code from} to {@code to} and closes {@code from} (claim 9). */
  void merge(IdNumber from, IdNumber to) {
    Account old = account(from);
    List<CommandResult> r =
        settle
            .ledger()
            .submit(
                LedgerBatch.create()
                    .addLinked(
                        LedgerCommand.post(
                            TransferId.random(),
                            old.id(),
                            account(to).id(),
                            old.available(),
                            "merge"),
                        LedgerCommand.changeState(
                            old.id(), EnumSet.of(AccountState.ACTIVE), AccountState.MERGED)));
    requireApplied(r);
  }

  private void submit(LedgerCommand c) {
    requireApplied(settle.ledger().submit(LedgerBatch.create().add(c)));
  }

  private static void requireApplied(List<CommandResult> results) {
    for (CommandResult r : results) {
      if (!r.applied()) {
        throw new IllegalStateException("refused: " + r.refusal());
      }
    }
  }

  /** What the service's revenue accounts hold in all. */
  long revenue() {
    long sum = 0;
    for (AccountId shard : settle.operatorAccounts().revenueAccounts("phone")) {
      sum += settle.ledger().account(shard).orElseThrow().posted();
    }
    return sum;
  }

  @Override
  public void close() {
    settle.close();
  }
}
