package dev.idsettle.cli;

import dev.idsettle.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code split}: the user's choice of services with an amount for each (claim 5). */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Splits an ID's value between services (claim 5): moves each amount into that service's"
          + " envelope of the ID, all or nothing; what is not split stays usable everywhere."
    })
final class SplitCommand extends IdCommand {
  @Option(
      names = "--amount",
      required = true,
      paramLabel = "SERVICE=AMOUNT",
      description = "A registered service and the amount for it (repeatable).",
      converter = Converters.ServiceAmount.class)
  List<Converters.NamedAmount> amounts = new ArrayList<>();

  @Mixin RequestOptions.ReferenceOption reference = new RequestOptions.ReferenceOption();

  @Override
  Output.Reply run(Workspace ws) {
    Map<String, Money> split = new LinkedHashMap<>();
    for (Converters.NamedAmount a : amounts) {
      String name = service(ws, a.name(), "--amount");
      if (split.put(name, a.amount().in(ws.settings.currency(), "--amount " + name)) != null) {
        throw CliException.badInput("--amount: service " + name + " is named twice");
      }
    }
    return Results.selection(ws.manager.selector().select(id(), split, reference.value), id());
  }
}
