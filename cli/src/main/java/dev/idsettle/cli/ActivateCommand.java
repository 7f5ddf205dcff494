package dev.idsettle.cli;

import dev.idsettle.money.Money;
import dev.idsettle.roles.PrintedSlip;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code activate}: a till reports that an ID (or a slip) was paid for. */
@Command(
    name = "activate",
    mixinStandardHelpOptions = true,
    description = {
      "Activates an ID the user paid for at a terminal: with --serial, a slip of a distributed"
          + " batch (the amount must be its face value); with --service, all of the value usable"
          + " at that service only; otherwise usable everywhere. The same reference repeats the"
          + " original answer."
    })
final class ActivateCommand extends IdCommand {
  @Option(
      names = "--amount",
      required = true,
      paramLabel = "AMOUNT",
      description = "What was paid, in major units (e.g. 20.00).",
      converter = Amount.Converter.class)
  @Nullable Amount amount;

  @Option(
      names = "--service",
      paramLabel = "SERVICE",
      description = "Route all of the value to this registered service.")
  @Nullable String service;

  @Option(
      names = "--serial",
      paramLabel = "SERIAL",
      description = "The serial printed on the slip (e.g. B7-000042).",
      converter = Converters.Serial.class)
  @Nullable String serial;

  @Mixin RequestOptions request = new RequestOptions();

  @Override
  Output.Reply run(Workspace ws) {
    Money paid = Objects.requireNonNull(amount).in(ws.settings.currency(), "--amount");
    if (serial != null) {
      if (service != null) {
        throw CliException.badInput(
            "--service: a slip's service is its batch's; do not give it with --serial");
      }
      return Results.slips(
          ws.slips.activate(
              request.terminal,
              List.of(new PrintedSlip(id(), serial, paid)),
              paid,
              request.reference.value),
          id(),
          serial);
    }
    if (service != null) {
      return Results.activation(
          ws.manager.activate(
              request.terminal,
              id(),
              paid,
              service(ws, service, "--service"),
              request.reference.value),
          id());
    }
    return Results.activation(
        ws.settle.terminal(request.terminal).activate(id(), paid, request.reference.value), id());
  }
}
