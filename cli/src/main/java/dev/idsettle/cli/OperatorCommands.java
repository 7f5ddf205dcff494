package dev.idsettle.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idsettle.operator.BatchFigures;
import dev.idsettle.operator.Difference;
import dev.idsettle.operator.OperatorJson;
import dev.idsettle.operator.OperatorReport;
import dev.idsettle.operator.OperatorReports;
import dev.idsettle.operator.Reconciler;
import dev.idsettle.operator.Reconciliation;
import dev.idsettle.operator.ReportScope;
import dev.idsettle.operator.ServiceFigures;
import dev.idsettle.operator.TerminalFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report} and {@code reconcile}, over {@code idsettle-operator}. */
final class OperatorCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OperatorCommands() {}

  /** The operator module's JSON of {@code value} under the CLI's head fields. */
  static Map<String, @Nullable Object> json(String command, String outcome, Object value) {
    Map<String, @Nullable Object> j = Results.head(command, outcome, null);
    try {
      j.putAll(
          JSON.readValue(
              OperatorJson.write(value), new TypeReference<LinkedHashMap<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the operator's JSON could not be read back", e);
    }
    return j;
  }

  /** {@code report}. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "Reports the value outstanding (in total, per batch and per service), revenue per service,"
            + " cash per terminal and breakage (value expired unspent)."
      })
  static final class Report extends StoreCommand {
    @Option(
        names = "--batch",
        paramLabel = "PREFIX",
        description = "A batch to report on (repeatable).")
    List<String> batches = new ArrayList<>();

    @Option(
        names = "--terminal",
        paramLabel = "TERMINAL",
        description = "A terminal to name in the cash figures (repeatable).")
    List<String> terminals = new ArrayList<>();

    @Option(
        names = "--at",
        paramLabel = "INSTANT",
        description = "Judge expiry at this instant (e.g. 2027-01-01T00:00:00Z; default now).")
    @Nullable Instant at;

    @Override
    Output.Reply run(Workspace ws) {
      ReportScope scope =
          ReportScope.everything()
              .withBatches(batches.toArray(String[]::new))
              .withTerminals(terminals.toArray(String[]::new))
              .withServices(ws.settings.services().keySet().toArray(String[]::new));
      if (at != null) {
        scope = scope.at(at);
      }
      OperatorReport r;
      try (Progress p = Progress.start(main().progress, "reading the ledger", -1)) {
        r = OperatorReports.over(ws.settle).report(scope, p::stepTo);
      }
      StringBuilder t = new StringBuilder();
      t.append("report as of ").append(r.asOf()).append(" (").append(r.currency()).append(")\n");
      t.append("  outstanding ")
          .append(Output.text(r.totals().outstanding()))
          .append(" (any service ")
          .append(Output.text(r.totals().outstandingAnyService()))
          .append("), breakage ")
          .append(Output.text(r.totals().breakage()))
          .append(", revenue ")
          .append(Output.text(r.totals().revenue()))
          .append(", cash ")
          .append(Output.text(r.totals().cash()))
          .append('\n');
      for (BatchFigures b : r.batches()) {
        t.append("  batch ")
            .append(b.prefix())
            .append(' ')
            .append(b.state())
            .append(": ")
            .append(b.slips())
            .append(" slips, ")
            .append(b.sold())
            .append(" sold, ")
            .append(b.unsold())
            .append(" unsold, ")
            .append(b.voided())
            .append(" void; outstanding ")
            .append(Output.text(b.outstanding()))
            .append(", breakage ")
            .append(Output.text(b.breakage()))
            .append('\n');
      }
      for (ServiceFigures s : r.services()) {
        t.append("  service ")
            .append(s.service())
            .append(": revenue ")
            .append(Output.text(s.revenue()))
            .append(", outstanding ")
            .append(Output.text(s.outstanding()))
            .append(", breakage ")
            .append(Output.text(s.breakage()))
            .append('\n');
      }
      for (TerminalFigures f : r.terminals()) {
        t.append("  terminal ")
            .append(f.terminal())
            .append(": cash ")
            .append(Output.text(f.cash()))
            .append('\n');
      }
      return new Output.Reply(ExitCodes.OK, t.toString().strip(), json("report", "done", r));
    }
  }

  /** {@code reconcile}. */
  @Command(
      name = "reconcile",
      mixinStandardHelpOptions = true,
      description = {
        "Checks that the books agree: every balance against its journal, holds against reserved"
            + " amounts, value conserved, call records against captures. Lists every difference;"
            + " exit 1 when there is any. Run it on a quiet ledger."
      })
  static final class Reconcile extends StoreCommand {
    @Override
    Output.Reply run(Workspace ws) {
      Reconciliation c;
      try (Progress p = Progress.start(main().progress, "reconciling", -1)) {
        c = Reconciler.builder(ws.settle).build().reconcile(p::stepTo);
      }
      StringBuilder t = new StringBuilder();
      t.append(c.clean() ? "clean" : c.differences().size() + " difference(s)")
          .append(": ")
          .append(c.accounts())
          .append(" accounts, ")
          .append(c.transfers())
          .append(" transfers, ")
          .append(c.callRecords())
          .append(" call records checked");
      for (Difference d : c.differences()) {
        t.append("\n  ")
            .append(d.kind())
            .append(' ')
            .append(Mask.scrub(d.subject()))
            .append(": expected ")
            .append(Mask.scrub(d.expected()))
            .append(", found ")
            .append(Mask.scrub(d.found()))
            .append(" (")
            .append(Mask.scrub(d.message()))
            .append(')');
      }
      for (String note : c.notes()) {
        t.append("\n  note: ").append(Mask.scrub(note));
      }
      return new Output.Reply(
          c.clean() ? ExitCodes.OK : ExitCodes.DENIED,
          t.toString(),
          json("reconcile", c.clean() ? "clean" : "differences", c));
    }
  }
}
