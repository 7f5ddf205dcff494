package dev.idsettle.cli;

import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code journal}: a page of an ID's transfers, oldest first. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = {
      "Lists a page of an ID's transfers, oldest first: applied and refused (a refused one moved"
          + " nothing and says why). Page on with --offset until a page is shorter than --limit."
    })
final class JournalCommand extends IdCommand {
  @Option(
      names = "--offset",
      paramLabel = "N",
      description = "How many entries to skip (default ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int offset;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most how many entries, 1 to 1000 (default ${DEFAULT-VALUE}).",
      defaultValue = "50")
  int limit = 50;

  @Override
  Output.Reply run(Workspace ws) {
    if (offset < 0) {
      throw CliException.badInput("--offset must not be negative, was " + offset);
    }
    if (limit < 1 || limit > IdSettle.MAX_JOURNAL_PAGE) {
      throw CliException.badInput(
          "--limit must be 1 to " + IdSettle.MAX_JOURNAL_PAGE + ", was " + limit);
    }
    if (ws.settle.account(id()).isEmpty()) {
      return Results.failure(
          "journal",
          id(),
          new dev.idsettle.roles.Denial(
              dev.idsettle.roles.DenialReason.UNKNOWN_ID, null, "no such ID was issued"));
    }
    List<Transfer> page = ws.settle.journal(id(), offset, limit);
    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    StringBuilder text = new StringBuilder(id().masked() + ": " + page.size() + " transfer(s)");
    for (Transfer t : page) {
      Map<String, @Nullable Object> e = new LinkedHashMap<>();
      e.put("transferId", t.id().toString());
      e.put("timestamp", t.timestamp().toString());
      e.put("kind", t.kind().name());
      e.put("amount", Output.money(Money.of(t.amount(), ws.settings.currency())));
      e.put("debit", t.debit().value());
      e.put("credit", t.credit().value());
      e.put("code", Mask.scrub(t.code()));
      e.put("refusal", t.refusal() == null ? null : t.refusal().name());
      e.put("holdState", t.holdState().name());
      e.put("description", t.description() == null ? null : t.description().kind());
      entries.add(e);
      text.append("\n  ")
          .append(t.timestamp())
          .append(' ')
          .append(t.kind())
          .append(' ')
          .append(Output.text(Money.of(t.amount(), ws.settings.currency())))
          .append(" from account ")
          .append(t.debit().value())
          .append(" to ")
          .append(t.credit().value())
          .append(t.refusal() == null ? "" : " REFUSED " + t.refusal())
          .append(t.code().isEmpty() ? "" : " (" + Mask.scrub(t.code()) + ")");
    }
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("offset", offset);
    f.put("limit", limit);
    f.put("entries", entries);
    f.put("nextOffset", page.size() == limit ? offset + limit : null);
    return Results.done("journal", id(), text.toString(), f);
  }
}
