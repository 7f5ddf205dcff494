package dev.idsettle.tck;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One client thread of {@link ConcurrencyScenario}: random operations, and a tally of answers. */
final class ScenarioClient {
  private final Ledger ledger;
  private final LedgerFixture fixture;
  private final List<AccountId> ids;
  private final ConcurrencyScenario.Tally tally;
  private final Random random;
  private final int operations;
  private final List<OpenHold> holds = new ArrayList<>();

  private record OpenHold(TransferId id, int account, long amount) {}

  ScenarioClient(
      Ledger ledger,
      LedgerFixture fixture,
      List<AccountId> ids,
      ConcurrencyScenario.Tally tally,
      long seed,
      int operations) {
    this.ledger = ledger;
    this.fixture = fixture;
    this.ids = ids;
    this.tally = tally;
    this.random = new Random(seed);
    this.operations = operations;
  }

  void run() {
    for (int n = 0; n < operations; n++) {
      int i = random.nextInt(ids.size());
      int dice = random.nextInt(100);
      if (dice < 15) {
        activate(i, 50 + random.nextInt(150));
      } else if (dice < 50) {
        debit(i, 1 + random.nextInt(60));
      } else if (dice < 65) {
        hold(i, 1 + random.nextInt(60));
      } else if (dice < 80) {
        resolveAHold();
      } else if (dice < 88) {
        reverse(i);
      } else if (dice < 95) {
        topUp(i, 1 + random.nextInt(40));
      } else {
        fixture.clock().advance(Duration.ofMinutes(1));
      }
    }
  }

  /** Voids the holds this client left open, so that a shared store is left tidy. */
  void voidOpenHolds() {
    for (OpenHold h : holds) {
      try {
        ledger.submit(LedgerBatch.create().add(Commands.voidHold(TransferId.random(), h.id())));
      } catch (RuntimeException e) {
        // tidying only: the checks ran already, and a broken store may fail here
      }
    }
    holds.clear();
  }

  private void activate(int i, long amount) {
    List<LedgerCommand> c =
        Commands.activation(TransferId.random(), ids.get(i), fixture.cash(), amount);
    if (count(submit(LedgerBatch.create().addLinked(c)).get(0))) {
      tally.credited.addAndGet(i, amount);
      tally.lastActivation.set(i, amount);
    }
  }

  private void topUp(int i, long amount) {
    if (count(submitOne(Commands.topUp(TransferId.random(), ids.get(i), fixture.cash(), amount)))) {
      tally.credited.addAndGet(i, amount);
    }
  }

  private void debit(int i, long amount) {
    if (count(
        submitOne(Commands.debit(TransferId.random(), ids.get(i), fixture.revenue(), amount)))) {
      tally.debited.addAndGet(i, amount);
      tally.permittedDebits.incrementAndGet();
    }
  }

  private void hold(int i, long amount) {
    TransferId id = TransferId.random();
    LedgerCommand c =
        Commands.hold(id, ids.get(i), fixture.revenue(), amount, ConcurrencyScenario.HOLD_TIMEOUT);
    if (count(submitOne(c))) {
      holds.add(new OpenHold(id, i, amount));
    }
  }

  private void resolveAHold() {
    if (holds.isEmpty()) {
      return;
    }
    OpenHold h = holds.remove(random.nextInt(holds.size()));
    if (random.nextBoolean()) {
      count(submitOne(Commands.voidHold(TransferId.random(), h.id())));
      return;
    }
    long amount = 1L + random.nextInt((int) h.amount());
    if (count(submitOne(Commands.capture(TransferId.random(), h.id(), amount)))) {
      tally.debited.addAndGet(h.account(), amount);
      tally.permittedDebits.incrementAndGet();
    }
  }

  private void reverse(int i) {
    long amount = tally.lastActivation.get(i);
    if (amount == 0) {
      return;
    }
    List<LedgerCommand> c =
        Commands.reversal(TransferId.random(), ids.get(i), fixture.cash(), amount);
    if (count(submit(LedgerBatch.create().addLinked(c)).get(0))) {
      tally.debited.addAndGet(i, amount);
    }
  }

  private boolean count(CommandResult r) {
    (r.applied() ? tally.applied : tally.refused).incrementAndGet();
    return r.applied();
  }

  private CommandResult submitOne(LedgerCommand command) {
    return submit(LedgerBatch.create().add(command)).get(0);
  }

  /** Submits until the outcome is known: a retry with the same ids replays the original result. */
  private List<CommandResult> submit(LedgerBatch batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ledger.submit(batch);
      } catch (StoreException e) {
        if (attempt >= 20) {
          throw e;
        }
      }
    }
  }
}
