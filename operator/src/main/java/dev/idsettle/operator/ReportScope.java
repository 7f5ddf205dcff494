package dev.idsettle.operator;

import dev.idsettle.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers, beyond what it finds by itself. The ledger names services in its transfers
 * (a debit for a service, a metered call, an envelope), so every service that was ever paid or
 * given value is found; a terminal's cash account and a batch's slips are found by name only, so a
 * report lists each cash account it finds under its terminal's name when the scope names that
 * terminal (else under the account's id), and the batches the scope names.
 *
 * @param batches slip batch prefixes to report on
 * @param services service names to report on even if the ledger never mentions them
 * @param terminals settlement terminal ids whose cash accounts to name
 * @param asOf the instant at which expiry is judged (an ID past its expiry is breakage, not
 *     outstanding), or null for the ledger's clock when the report runs
 */
public record ReportScope(
    List<String> batches, List<String> services, List<String> terminals, @Nullable Instant asOf) {

  /** Copies the lists and checks that no name is null or empty. */
  public ReportScope {
    batches = names(batches, "batches");
    services = names(services, "services");
    terminals = names(terminals, "terminals");
  }

  /** Everything the ledger names, no batch, judged at the ledger's clock. */
  public static ReportScope everything() {
    return new ReportScope(List.of(), List.of(), List.of(), null);
  }

  /** This scope with {@code prefixes} added to its batches. */
  public ReportScope withBatches(String... prefixes) {
    return new ReportScope(plus(batches, prefixes, "batches"), services, terminals, asOf);
  }

  /** This scope with {@code names} added to its services. */
  public ReportScope withServices(String... names) {
    return new ReportScope(batches, plus(services, names, "services"), terminals, asOf);
  }

  /** This scope with {@code ids} added to its terminals. */
  public ReportScope withTerminals(String... ids) {
    return new ReportScope(batches, services, plus(terminals, ids, "terminals"), asOf);
  }

  /** This scope judging expiry at {@code instant}. */
  public ReportScope at(Instant instant) {
    if (instant == null) {
      throw new InvalidRequestException("asOf must not be null");
    }
    return new ReportScope(batches, services, terminals, instant);
  }

  private static List<String> plus(List<String> list, String[] more, String field) {
    if (more == null) {
      throw new InvalidRequestException(field + " must not be null");
    }
    List<String> out = new ArrayList<>(list);
    out.addAll(java.util.Arrays.asList(more));
    return out;
  }

  private static List<String> names(List<String> list, String field) {
    if (list == null) {
      throw new InvalidRequestException(field + " must not be null");
    }
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i);
      if (name == null || name.isEmpty()) {
        throw new InvalidRequestException(field + "[" + i + "] must be a non-empty name");
      }
    }
    return List.copyOf(list);
  }
}
