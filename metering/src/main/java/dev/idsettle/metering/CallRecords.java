package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
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
   * The records of {@code service}'s sessions in {@code ledger}, read as its engine's {@link
   * MeteringEngine#records()} reads them, for a reader without an engine (an operator's
   * reconciliation or report). No store call until a method is called.
   *
   * @throws InvalidRequestException if an argument is null or the service name is empty
   */
  static CallRecords of(Ledger ledger, String service) {
    if (ledger == null) {
      throw new InvalidRequestException("ledger must not be null");
    }
    if (service == null || service.isEmpty()) {
      throw new InvalidRequestException("service must be a service's name, was " + service);
    }
    return new LedgerCallRecords(ledger, service);
  }

  /**
   * The call record that {@code transfer}'s description carries (the record as of that transfer),
   * or empty if it carries none.
   *
   * @throws InvalidRequestException if the transfer is null, or its description is of the call
   *     record's kind but cannot be read as one (it was changed behind the library's back)
   */
  static Optional<CallRecord> carriedBy(Transfer transfer) {
    if (transfer == null) {
      throw new InvalidRequestException("transfer must not be null");
    }
    Description d = transfer.description();
    if (d == null || !d.kind().equals(CallRecordJson.KIND)) {
      return Optional.empty();
    }
    return Optional.of(CallRecordJson.read(d));
  }

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
