package dev.idsettle.operator;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.CallRecords;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Call records against captures: every transfer of a metering engine (code {@code meter:<service>})
 * that moves value must be named by its session's record, and each record's collected amount must
 * be the sum of the transfers it names.
 */
final class MeteringCheck {
  private final Ledger ledger;
  private final Progress progress;
  private final Map<String, Map<TransferId, Transfer>> captures = new TreeMap<>();
  private final Map<String, Set<String>> sessions = new TreeMap<>();
  long records;

  MeteringCheck(Ledger ledger, Progress progress) {
    this.ledger = ledger;
    this.progress = progress;
  }

  void run(List<Difference> differences) {
    new JournalScan(ledger.store(), progress).transfers(t -> transfer(t, differences));
    Map<String, Set<TransferId>> named = new TreeMap<>();
    sessions.forEach(
        (service, ids) -> {
          CallRecords byService = CallRecords.of(ledger, service);
          Set<TransferId> names = named.computeIfAbsent(service, s -> new HashSet<>());
          for (String session : ids) {
            session(byService, service, session, names, differences);
          }
          progress.add(ids.size());
        });
    captures.forEach(
        (service, byId) ->
            byId.forEach(
                (id, t) -> {
                  if (!named.getOrDefault(service, Set.of()).contains(id)) {
                    differences.add(
                        new Difference(
                            DifferenceKind.CAPTURE_WITHOUT_RECORD,
                            "transfer " + id,
                            "a call record naming it",
                            "none",
                            "metering of "
                                + service
                                + " collected "
                                + t.amount()
                                + " with transfer "
                                + id
                                + " but no call record names it"));
                  }
                }));
  }

  private void transfer(Transfer t, List<Difference> differences) {
    if (!t.code().startsWith(Conventions.METER)) {
      return;
    }
    String service = t.code().substring(Conventions.METER.length());
    if (t.moves()) {
      captures.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(t.id(), t);
    }
    try {
      Optional<CallRecord> record = CallRecords.carriedBy(t);
      record.ifPresent(
          r -> sessions.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(r.sessionId()));
    } catch (InvalidRequestException e) {
      differences.add(
          new Difference(
              DifferenceKind.CALL_RECORD_UNREADABLE,
              "transfer " + t.id(),
              "a call record",
              "unreadable",
              "transfer "
                  + t.id()
                  + " of metering of "
                  + service
                  + " carries a call record that cannot be read: its description was changed"));
    }
  }

  private void session(
      CallRecords byService,
      String service,
      String session,
      Set<TransferId> named,
      List<Difference> differences) {
    String subject = "session " + Masking.text(session) + " of " + service;
    CallRecord r;
    try {
      Optional<CallRecord> found = byService.find(session);
      if (found.isEmpty()) {
        return;
      }
      r = found.get();
    } catch (InvalidRequestException e) {
      differences.add(
          new Difference(
              DifferenceKind.CALL_RECORD_UNREADABLE,
              subject,
              "a call record",
              "unreadable",
              "the final call record of " + subject + " cannot be read: it was changed"));
      return;
    }
    records++;
    long sum = 0;
    for (TransferId id : r.captures()) {
      named.add(id);
      Optional<Transfer> t = ledger.transfer(id);
      if (t.isEmpty()) {
        differences.add(
            new Difference(
                DifferenceKind.RECORD_CAPTURE_MISSING,
                subject,
                "transfer " + id,
                "none",
                "the call record of " + subject + " names transfer " + id + ", which is missing"));
      } else if (t.get().moves()) {
        sum += t.get().amount();
      }
    }
    if (sum != r.collected()) {
      differences.add(
          new Difference(
              DifferenceKind.CALL_RECORD_MISMATCH,
              subject,
              Long.toString(r.collected()),
              Long.toString(sum),
              "the call record of "
                  + subject
                  + " says "
                  + r.collected()
                  + " was collected, but its captures in the ledger sum to "
                  + sum));
    }
  }
}
