package dev.idsettle.metering;

import dev.idsettle.ledger.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * The records of a service's sessions, read from the ledger: each record is the description of a
 * ledger transfer ({@link dev.idsettle.ledger.Description}), written in the same store transaction
 * as the money it explains. Every capture of a session carries the session's record as of that
 * capture (outcome {@link Outcome#IN_PROGRESS} until the last), so no charge is ever without its
 * record; the final record is the last capture (or void) when the client ends the session, and
 * otherwise a transfer of its own that moves nothing, written once the money is settled (refused
 * sessions, cut calls, timeouts). A durable store therefore keeps the records durably, with the
 * money. Get one from {@link MeteringEngine#records()}.
 */
public interface CallRecords {
  /**
   * The record of {@code sessionId}: its final record, or, for a session whose host stopped before
   * writing one, the record of its last capture ({@link Outcome#IN_PROGRESS}).
   *
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  Optional<CallRecord> find(String sessionId);

  /**
   * The records of the sessions that reserved on {@code account}, oldest first (a session refused
   * before any reservation is found by its session id only).
   *
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  List<CallRecord> ofAccount(AccountId account);
}
