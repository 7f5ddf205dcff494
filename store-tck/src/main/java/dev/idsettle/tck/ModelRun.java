package dev.idsettle.tck;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Runs one operation sequence on the real ledger and on the {@link ReferenceModel}, comparing. */
final class ModelRun {
  /** The policies of the sequence's IDs, one per ID. */
  static final List<ExpiryPolicy> POLICIES =
      List.of(
          ExpiryPolicy.never(),
          ExpiryPolicy.afterActivation(2),
          ExpiryPolicy.afterFirstUse(1),
          ExpiryPolicy.at(LedgerStoreContract.START.plus(Duration.ofDays(3))));

  private final LedgerFixture f;
  private final ReferenceModel model;
  private final List<AccountId> ids = new ArrayList<>();
  private final List<TransferId> holdIds = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  ModelRun(LedgerStore store) {
    f = LedgerFixture.over(store, MutableClock.at(LedgerStoreContract.START));
    model = new ReferenceModel(LedgerStoreContract.START, POLICIES);
    POLICIES.forEach(p -> ids.add(f.newId(p)));
  }

  /** Runs {@code ops}; throws {@link AssertionError} at the first disagreement. */
  void run(List<ModelOp> ops) {
    for (ModelOp op : ops) {
      step(op);
      compareAccounts(op);
    }
    for (int h = 0; h < holdIds.size(); h++) {
      ReferenceModel.Hold expected = model.holds.get(h);
      if (expected.applied) {
        HoldState actual =
            f.ledger().transfer(holdIds.get(h)).map(Transfer::holdState).orElseThrow();
        check(
            actual == expected.state, "hold " + h + " is " + actual + ", model " + expected.state);
      }
    }
    List<String> violations = f.violations();
    check(violations.isEmpty(), "invariants: " + violations);
  }

  private void step(ModelOp op) {
    int i = op.id() % ids.size();
    AccountId id = ids.get(i);
    long amount = op.amount();
    switch (op.kind()) {
      case ACTIVATE -> compare(op, model.activate(i, amount), f.activate(id, amount));
      case DEBIT -> compare(op, model.debit(i, amount), List.of(f.debit(id, amount)));
      case TOP_UP -> compare(op, model.topUp(i, amount), List.of(f.topUp(id, amount)));
      case HOLD -> {
        TransferId hold = TransferId.random();
        holdIds.add(hold);
        Refusal expected = model.hold(i, amount);
        compare(op, expected, List.of(f.hold(hold, id, amount, ReferenceModel.HOLD_TIMEOUT)));
      }
      case CAPTURE, VOID -> resolve(op);
      case REVERSE -> {
        long back = op.pick() % 2 == 1 ? model.ids.get(i).activated : amount;
        back = back == 0 ? amount : back;
        compare(op, model.reverse(i, back), f.reverse(id, back));
      }
      case BLOCK -> compare(op, model.block(i), List.of(f.submit(Commands.block(id))));
      case ADVANCE -> {
        Duration step = Duration.ofMinutes(20 * amount);
        f.clock().advance(step);
        model.now = model.now.plus(step);
        log.add(op.toString());
      }
    }
  }

  private void resolve(ModelOp op) {
    boolean capture = op.kind() == ModelOp.Kind.CAPTURE;
    ReferenceModel.Hold hold = null;
    TransferId holdId = TransferId.random();
    if (!holdIds.isEmpty()) {
      int h = op.pick() % holdIds.size();
      hold = model.holds.get(h);
      holdId = holdIds.get(h);
    }
    Refusal expected = model.resolve(hold, capture, op.amount());
    TransferId id = TransferId.random();
    CommandResult actual =
        f.submit(
            capture ? Commands.capture(id, holdId, op.amount()) : Commands.voidHold(id, holdId));
    compare(op, expected, List.of(actual));
  }

  private void compare(ModelOp op, @Nullable Refusal expected, List<CommandResult> actual) {
    log.add(op + " -> " + expected);
    for (CommandResult r : actual) {
      check(r.refusal() == expected, "answer " + r.refusal() + ", model " + expected);
    }
  }

  private void compareAccounts(ModelOp op) {
    for (int i = 0; i < ids.size(); i++) {
      Account a = f.account(ids.get(i));
      ReferenceModel.Id m = model.ids.get(i);
      check(
          a.state() == m.state
              && a.posted() == m.posted
              && a.reserved() == m.reserved
              && Objects.equals(a.expiresAt(), m.expiresAt),
          "after "
              + op
              + ": ID "
              + i
              + " is "
              + a.state()
              + " posted "
              + a.posted()
              + " reserved "
              + a.reserved()
              + " expires "
              + a.expiresAt()
              + "; model "
              + m.state
              + " posted "
              + m.posted
              + " reserved "
              + m.reserved
              + " expires "
              + m.expiresAt);
    }
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(
          "ledger and reference model disagree: "
              + message
              + "\n  steps: "
              + String.join("\n  ", log));
    }
  }
}
