package dev.idsettle.metering;

import dev.idsettle.ledger.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine writes a record of every session. The engine writes a session's record right
 * after the ledger confirmed its last capture; a record and its captures are matched by the session
 * id, from which the capture ids derive ({@link SessionIds}).
 */
public interface CallRecords {
  /** Stores {@code record}; a second record of the same session replaces nothing and is ignored. */
  void add(CallRecord record);

  /** The record of {@code sessionId}. */
  Optional<CallRecord> find(String sessionId);

  /** The records of {@code account}, oldest first. */
  List<CallRecord> ofAccount(AccountId account);

  /** Records kept in the heap: for tests and single-process use. */
  static CallRecords inMemory() {
    return new MemoryCallRecords();
  }
}
