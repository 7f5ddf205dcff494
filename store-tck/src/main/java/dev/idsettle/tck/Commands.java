package dev.idsettle.tck;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.ledger.TransferId;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The ledger commands of the settlement roles, as the contract tests submit them. */
public final class Commands {
  private Commands() {}

  /** Activation: the issued ID turns active and is credited {@code amount} from {@code cash}. */
  public static List<LedgerCommand> activation(
      TransferId id, AccountId account, AccountId cash, long amount) {
    return List.of(
        new StateChange(account, Set.of(AccountState.ISSUED), AccountState.ACTIVE, false),
        LedgerCommand.post(id, cash, account, amount, "activate"));
  }

  /** Reversal of an activation: {@code amount} goes back to cash and the ID is issued again. */
  public static List<LedgerCommand> reversal(
      TransferId id, AccountId account, AccountId cash, long amount) {
    return List.of(
        LedgerCommand.post(id, account, cash, amount, "reverse"),
        new StateChange(
            account,
            Set.of(AccountState.ACTIVE, AccountState.EXHAUSTED),
            AccountState.ISSUED,
            true));
  }

  /** A debit of {@code amount} from the ID to {@code revenue}. */
  public static TransferCommand debit(
      TransferId id, AccountId account, AccountId revenue, long amount) {
    return LedgerCommand.post(id, account, revenue, amount, "debit");
  }

  /** A top-up of {@code amount} from {@code cash} to the ID. */
  public static TransferCommand topUp(
      TransferId id, AccountId account, AccountId cash, long amount) {
    return LedgerCommand.post(id, cash, account, amount, "top-up");
  }

  /** A hold of {@code amount} on the ID for {@code revenue}, living {@code timeout}. */
  public static TransferCommand hold(
      TransferId id, AccountId account, AccountId revenue, long amount, Duration timeout) {
    return LedgerCommand.hold(id, account, revenue, amount, timeout, "hold");
  }

  /** Captures {@code amount} of hold {@code hold}. */
  public static TransferCommand capture(TransferId id, TransferId hold, long amount) {
    return LedgerCommand.capture(id, hold, amount, "capture");
  }

  /** Voids hold {@code hold}. */
  public static TransferCommand voidHold(TransferId id, TransferId hold) {
    return LedgerCommand.voidHold(id, hold, "void");
  }

  /** Blocks an active or exhausted ID (lost or stolen). */
  public static StateChange block(AccountId account) {
    return new StateChange(
        account, Set.of(AccountState.ACTIVE, AccountState.EXHAUSTED), AccountState.BLOCKED, false);
  }
}
