package dev.idsettle.store.memory;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import java.time.Instant;

/** Transfers built directly, for the tests that write them through the SPI. */
final class TestTransfers {
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private TestTransfers() {}

  /** A post of {@code amount}, with one of five codes and a timestamp that depend on it. */
  static Transfer post(TransferId id, AccountId debit, AccountId credit, long amount) {
    return new Transfer(
        id,
        debit,
        credit,
        amount,
        TransferKind.POST,
        null,
        null,
        HoldState.NONE,
        null,
        "code-" + (amount % 5),
        AT.plusNanos(amount));
  }
}
