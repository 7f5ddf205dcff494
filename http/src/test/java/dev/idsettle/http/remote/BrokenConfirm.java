package dev.idsettle.http.remote;

import dev.idsettle.http.Party;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Request;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.roles.IdSettle;
import java.util.Optional;

/**
 * A deliberately broken protocol step, to show the exactly-once test can fail: a confirm that is
 * not idempotent. A confirm of a pull already captured moves the value again (a fresh transfer id
 * instead of the derived one), as a manager that "captures" by posting would.
 */
final class BrokenConfirm implements Transfers {
  private final Transfers inner;
  private final IdSettle settle;

  BrokenConfirm(Transfers inner, IdSettle settle) {
    this.inner = inner;
    this.settle = settle;
  }

  @Override
  public Answer reserve(Party caller, Request.Reserve request) {
    return inner.reserve(caller, request);
  }

  @Override
  public Answer confirm(Party caller, Request.Confirm request) {
    Optional<Transfer> hold =
        settle.ledger().transfer(TransferIds.hold(caller.name(), request.transferId()));
    if (hold.isPresent() && hold.get().holdState() == HoldState.CAPTURED) {
      Transfer h = hold.get();
      settle
          .ledger()
          .submit(
              LedgerBatch.create()
                  .add(
                      LedgerCommand.post(
                          TransferId.random(), h.debit(), h.credit(), h.amount(), "broken")));
    }
    return inner.confirm(caller, request);
  }

  @Override
  public Answer cancel(Party caller, Request.Cancel request) {
    return inner.cancel(caller, request);
  }

  @Override
  public Answer repay(Party caller, Request.Repay request) {
    return inner.repay(caller, request);
  }
}
