package dev.idsettle.cli;

import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.RangeChanged;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code batch}: slips printed on sheets (claims 10, 12, 13). */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "Batches of slips: create, print, state, distribute, lock, void.",
    subcommands = {
      BatchCommand.Create.class,
      BatchPrintCommand.class,
      BatchCommand.State.class,
      BatchCommand.Distribute.class,
      BatchCommand.Lock.class,
      BatchCommand.VoidRange.class,
    })
final class BatchCommand implements Runnable {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a batch subcommand is required");
  }

  /** Where print jobs go: {@code --jobs}, or {@code batches} beside the key file. */
  static Path jobs(StoreOptions store, @Nullable Path given) {
    return given != null ? given : store.keyFile().toAbsolutePath().resolveSibling("batches");
  }

  static Map<String, @Nullable Object> state(String prefix, BatchState state) {
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("prefix", prefix);
    f.put("state", state.name());
    return f;
  }

  /** {@code batch create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Issues a batch of sheets of slips, all inactive, in one store transaction, and writes"
            + " its print job (the one copy of the ID numbers, owner-only) for 'batch print'."
      })
  static final class Create extends StoreCommand {
    @Option(
        names = "--prefix",
        required = true,
        paramLabel = "PREFIX",
        description = "The batch prefix, unique: 1 to 16 capital letters or digits.")
    String prefix = "";

    @Option(names = "--sheets", required = true, paramLabel = "N", description = "How many sheets.")
    int sheets;

    @Option(
        names = "--sheet-size",
        paramLabel = "N",
        description = "Slips per sheet, 1 to 100 (default ${DEFAULT-VALUE}).",
        defaultValue = "10")
    int sheetSize = 10;

    @Option(
        names = "--denomination",
        required = true,
        paramLabel = "AMOUNT",
        description = "Every slip's face value, in major units.",
        converter = Amount.Converter.class)
    @Nullable Amount denomination;

    @Option(
        names = "--service",
        paramLabel = "SERVICE",
        description = "The registered service the slips' value is usable at (default: anywhere).")
    @Nullable String service;

    @Option(
        names = "--expiry",
        paramLabel = "EXPIRY",
        description =
            "never, a date (2027-12-31), activation:DAYS or first-use:DAYS (default"
                + " ${DEFAULT-VALUE}).",
        defaultValue = "activation:365",
        converter = Converters.Expiry.class)
    ExpiryPolicy expiry = ExpiryPolicy.afterActivation(365);

    @Option(
        names = "--jobs",
        paramLabel = "DIR",
        description = "Where print jobs are kept (default: batches/ beside the key file).")
    @Nullable Path jobsDir;

    @Override
    Output.Reply run(Workspace ws) {
      Money face =
          Objects.requireNonNull(denomination).in(ws.settings.currency(), "--denomination");
      String routed = service == null ? null : IdCommand.service(ws, service, "--service");
      if (sheets < 1) {
        throw CliException.badInput("--sheets must be at least 1, was " + sheets);
      }
      if (sheetSize < 1 || sheetSize > 100) {
        throw CliException.badInput("--sheet-size must be 1 to 100, was " + sheetSize);
      }
      long count = (long) sheets * sheetSize;
      IssuedSlips issued;
      try (Progress p = Progress.start(main().progress, "issuing " + count + " slips", -1)) {
        issued = ws.slips.issue(prefix, sheets, sheetSize, face, routed, expiry);
        p.step(count);
      }
      Path job;
      try (Progress p = Progress.start(main().progress, "writing the print job", count)) {
        job = PrintJob.write(jobs(store, jobsDir), issued, ws.settings.currency(), expiry, p);
      }
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("prefix", issued.prefix());
      f.put("sheets", sheets);
      f.put("sheetSize", sheetSize);
      f.put("slips", issued.slips().size());
      f.put("faceValue", Output.money(face));
      f.put("service", routed);
      f.put("firstSerial", issued.slips().get(0).serial().toString());
      f.put("lastSerial", issued.slips().get(issued.slips().size() - 1).serial().toString());
      f.put("printJob", job.toString());
      f.put("state", BatchState.CREATED.name());
      return Results.done(
          "batch create",
          null,
          "batch "
              + issued.prefix()
              + ": "
              + issued.slips().size()
              + " slips of "
              + Output.text(face)
              + " ("
              + f.get("firstSerial")
              + " to "
              + f.get("lastSerial")
              + "); print job "
              + job
              + " (owner-only: print it with 'batch print "
              + issued.prefix()
              + "')",
          f);
    }
  }

  /** {@code batch state}. */
  @Command(
      name = "state",
      mixinStandardHelpOptions = true,
      description = "Shows a batch's lifecycle state: CREATED, PRINTED or DISTRIBUTED.")
  static final class State extends StoreCommand {
    @Parameters(index = "0", paramLabel = "PREFIX", description = "The batch prefix.")
    String prefix = "";

    @Override
    Output.Reply run(Workspace ws) {
      BatchState state = ws.slips.state(prefix);
      return Results.done(
          "batch state", null, "batch " + prefix + ": " + state, state(prefix, state));
    }
  }

  /** {@code batch distribute}. */
  @Command(
      name = "distribute",
      mixinStandardHelpOptions = true,
      description = "Marks a printed batch as handed to the points of sale: its slips can be sold.")
  static final class Distribute extends StoreCommand {
    @Parameters(index = "0", paramLabel = "PREFIX", description = "The batch prefix.")
    String prefix = "";

    @Override
    Output.Reply run(Workspace ws) {
      BatchState state = ws.slips.advance(prefix, BatchState.DISTRIBUTED);
      return Results.done(
          "batch distribute", null, "batch " + prefix + ": " + state, state(prefix, state));
    }
  }

  /** What lock and void share. */
  abstract static class RangeCommand extends StoreCommand {
    @Option(
        names = "--serials",
        required = true,
        paramLabel = "FROM-TO",
        description = "The serial range, one batch, e.g. B7-000001-B7-000100 (or one serial).",
        converter = Converters.Range.class)
    Converters.@Nullable SerialRange range;

    Output.Reply reply(String command, RangeChanged r) {
      Converters.SerialRange s = Objects.requireNonNull(range);
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("from", s.from());
      f.put("to", s.to());
      f.put("changed", r.changed());
      f.put("unchanged", r.unchanged());
      return Results.done(
          command,
          null,
          command
              + " "
              + s.from()
              + " to "
              + s.to()
              + ": "
              + r.changed()
              + " changed, "
              + r.unchanged()
              + " left as they were",
          f);
    }
  }

  /** {@code batch lock}. */
  @Command(
      name = "lock",
      mixinStandardHelpOptions = true,
      description = "Locks the slips of a serial range: they cannot be activated or spent.")
  static final class Lock extends RangeCommand {
    @Override
    Output.Reply run(Workspace ws) {
      Converters.SerialRange s = Objects.requireNonNull(range);
      return reply("batch lock", ws.slips.lock(s.from(), s.to()));
    }
  }

  /** {@code batch void}. */
  @Command(
      name = "void",
      mixinStandardHelpOptions = true,
      description = {
        "Voids the unsold or locked slips of a serial range that hold no value, for good; a sold"
            + " slip holding value is left as it is (lock it instead)."
      })
  static final class VoidRange extends RangeCommand {
    @Override
    Output.Reply run(Workspace ws) {
      Converters.SerialRange s = Objects.requireNonNull(range);
      return reply("batch void", ws.slips.voidRange(s.from(), s.to()));
    }
  }
}
