package dev.idsettle.ledger;

import dev.idsettle.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What the ledger did with one command.
 *
 * @param command the command
 * @param refusal why it was refused (for a linked group: the reason the group failed), or null
 * @param transfer the journal entry written or found (null for a state change, or when nothing was
 *     recorded)
 * @param replayed whether the id existed already and this is its original result; the account
 *     images are then the current ones
 * @param debitAfter the debit account (a state change: its account) after this command
 * @param creditAfter the credit account after this command
 */
public record CommandResult(
    LedgerCommand command,
    @Nullable Refusal refusal,
    @Nullable Transfer transfer,
    boolean replayed,
    @Nullable Account debitAfter,
    @Nullable Account creditAfter) {

  /** Requires the command. */
  public CommandResult {
    Checks.notNull(command, "command");
  }

  /** Whether the command was applied (or had been, for a replay). */
  public boolean applied() {
    return refusal == null;
  }
}
