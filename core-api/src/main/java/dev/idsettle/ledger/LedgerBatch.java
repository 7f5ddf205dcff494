package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Commands submitted together in one store transaction. Each {@link #add} is judged on its own;
 * each {@link #addLinked} group is applied all together or not at all. Commands are judged in the
 * order added, so several debits of one ID apply one after the other.
 */
public final class LedgerBatch {
  // most batches are one command: no room for ten
  private final List<List<LedgerCommand>> groups = new ArrayList<>(2);
  private int size;
  private List<AccountKey> keys = List.of();

  /** An empty batch. */
  public static LedgerBatch create() {
    return new LedgerBatch();
  }

  /** Adds a command judged on its own. */
  public LedgerBatch add(LedgerCommand command) {
    groups.add(List.of(Checks.notNull(command, "command")));
    size++;
    return this;
  }

  /** Adds commands that apply all together or not at all. */
  public LedgerBatch addLinked(List<? extends LedgerCommand> commands) {
    Checks.notNull(commands, "commands");
    for (int i = 0; i < commands.size(); i++) {
      Checks.notNull(commands.get(i), "commands[" + i + "]");
    }
    if (commands.isEmpty()) {
      throw new InvalidRequestException("a linked group needs at least one command");
    }
    groups.add(List.copyOf(commands));
    size += commands.size();
    return this;
  }

  /** Adds commands that apply all together or not at all. */
  public LedgerBatch addLinked(LedgerCommand... commands) {
    return addLinked(Arrays.asList(Checks.notNull(commands, "commands")));
  }

  /**
   * Account keys to insert in the batch's store transaction if, and only if, every command of the
   * batch is applied now (not replayed: the original wrote them): a key that says what a transfer
   * did (an ID's envelope for a service, the service an activation is routed to, the successor of a
   * merged ID) commits with it or not at all. If a key with one of the hashes exists, nothing is
   * committed and {@link Ledger#submit} throws {@link KeyExistsException}. A batch with keys is
   * never combined with others (group commit).
   */
  public LedgerBatch withKeys(List<AccountKey> keys) {
    this.keys = List.copyOf(Checks.notNull(keys, "keys"));
    return this;
  }

  /** The keys set by {@link #withKeys}, or none. */
  public List<AccountKey> keys() {
    return keys;
  }

  /** The groups, in order (an unlinked command is a group of one). */
  public List<List<LedgerCommand>> groups() {
    return groups.size() == 1 ? List.of(groups.get(0)) : List.copyOf(groups);
  }

  /** The number of commands. */
  public int size() {
    return size;
  }

  /** Whether there are no commands. */
  public boolean isEmpty() {
    return size == 0;
  }
}
