package dev.idsettle.metering;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link CallRecords} read from the descriptions of a service's ledger transfers. */
final class LedgerCallRecords implements CallRecords {
  private static final int PAGE = 200;

  private final Ledger ledger;
  private final String service;

  LedgerCallRecords(Ledger ledger, String service) {
    this.ledger = ledger;
    this.service = service;
  }

  @Override
  public Optional<CallRecord> find(String sessionId) {
    CallRecord last = recordOf(ledger.transfer(SessionIds.record(service, sessionId)));
    if (last == null) {
      last = recordOf(ledger.transfer(SessionIds.lateRecord(service, sessionId)));
    }
    return last != null ? Optional.of(last) : latestCapture(sessionId);
  }

  /** The record of the session's last capture: its grants in order, up to the first unsettled. */
  private Optional<CallRecord> latestCapture(String sessionId) {
    CallRecord found = null;
    for (long grant = 1; ; grant++) {
      Optional<Transfer> capture = ledger.transfer(SessionIds.capture(service, sessionId, grant));
      Optional<Transfer> excess = ledger.transfer(SessionIds.excess(service, sessionId, grant));
      CallRecord r = recordOf(excess);
      r = r != null ? r : recordOf(capture);
      if (r != null) {
        found = r;
      } else if (capture.isEmpty()
          && excess.isEmpty()
          && ledger.transfer(SessionIds.release(service, sessionId, grant)).isEmpty()) {
        return Optional.ofNullable(found);
      }
    }
  }

  private @Nullable CallRecord recordOf(Optional<Transfer> transfer) {
    if (transfer.isEmpty() || !transfer.get().applied()) {
      return null;
    }
    Description d = transfer.get().description();
    return d == null || !d.kind().equals(CallRecordJson.KIND) ? null : CallRecordJson.read(d);
  }

  @Override
  public List<CallRecord> ofAccount(AccountId account) {
    Set<String> sessions = new LinkedHashSet<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Transfer> page = ledger.transfers(account, offset, PAGE);
      for (Transfer t : page) {
        CallRecord r = recordOf(Optional.of(t));
        if (r != null && r.service().equals(service)) {
          sessions.add(r.sessionId());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    List<CallRecord> records = new ArrayList<>();
    for (String session : sessions) {
      find(session).ifPresent(records::add);
    }
    return records;
  }
}
