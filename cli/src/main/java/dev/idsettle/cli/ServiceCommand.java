package dev.idsettle.cli;

import dev.idsettle.money.Money;
import dev.idsettle.roles.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code service add|list}: the services the settings file registers. */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = "The services IDs pay for (kept in the settings file beside the key).",
    subcommands = {ServiceCommand.Add.class, ServiceCommand.ListServices.class})
final class ServiceCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: add or list");
  }

  /** {@code service add NAME[=LOW]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds a service (or changes its low-balance reference).")
  static final class Add extends StoreCommand {
    @Parameters(
        index = "0",
        paramLabel = "NAME[=LOW]",
        description = "The service and the balance below which a permit warns (major units).",
        converter = ServiceSpec.class)
    ServiceSpec.@Nullable Spec service;

    @Override
    Output.Reply run(Workspace ws) {
      ServiceSpec.Spec s = java.util.Objects.requireNonNull(service);
      Money low =
          s.low() == null
              ? Money.zero(ws.settings.currency())
              : s.low().in(ws.settings.currency(), "NAME=LOW");
      Settings more = ws.settings.with(new Service(s.name(), low));
      more.write(store.settingsFile());
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("service", s.name());
      f.put("lowBalance", Output.money(low));
      return Results.done(
          "service add",
          null,
          "service " + s.name() + " added (low balance below " + Output.text(low) + ")",
          f);
    }
  }

  /** {@code service list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the services.")
  static final class ListServices extends StoreCommand {
    @Override
    Output.Reply run(Workspace ws) {
      List<Map<String, Object>> list = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (Service s : ws.settings.services().values()) {
        list.add(Map.of("name", s.name(), "lowBalance", Output.money(s.lowBalanceReference())));
        text.append(s.name())
            .append(" (low balance below ")
            .append(Output.text(s.lowBalanceReference()))
            .append(")\n");
      }
      return Results.done(
          "service list",
          null,
          list.isEmpty() ? "no services" : text.toString().strip(),
          Map.of("services", list));
    }
  }
}
