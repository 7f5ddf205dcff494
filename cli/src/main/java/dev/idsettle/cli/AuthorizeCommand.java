package dev.idsettle.cli;

import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code authorize}: a service's device permits and debits, or denies. */
@Command(
    name = "authorize",
    mixinStandardHelpOptions = true,
    description = {
      "Authorizes and debits an amount for a registered service (its envelope of the ID first;"
          + " across the holder's linked IDs if the ID has a holder). The same reference repeats"
          + " the original answer."
    })
final class AuthorizeCommand extends IdCommand {
  @Option(
      names = "--service",
      required = true,
      paramLabel = "SERVICE",
      description = "The registered service.")
  String service = "";

  @Option(
      names = "--amount",
      required = true,
      paramLabel = "AMOUNT",
      description = "The amount to debit, in major units.",
      converter = Amount.Converter.class)
  @Nullable Amount amount;

  @Mixin RequestOptions request = new RequestOptions();

  @Override
  Output.Reply run(Workspace ws) {
    Money debit = Objects.requireNonNull(amount).in(ws.settings.currency(), "--amount");
    String name = service(ws, service, "--service");
    return Results.authorization(
        ws.holders
            .authenticator(name)
            .authorize(
                new AuthorizationRequest(id(), debit, request.terminal, request.reference.value)),
        id());
  }
}
