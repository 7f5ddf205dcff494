package dev.idsettle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code refund}: the value of an unused ID paid back at the till that sold it, by reversing its
 * activation ({@link dev.idsettle.roles.SettlementTerminal#reverse}). The public API pays back an
 * ID at a terminal only while it is unused; an online sale's refund needs the sales desk with its
 * payment gateway, which an operator's command line does not hold.
 */
@Command(
    name = "refund",
    mixinStandardHelpOptions = true,
    description = {
      "Pays back an unused ID at the terminal that activated it: reverses that activation (named"
          + " by its terminal and reference), so the ID holds nothing and the till pays the"
          + " money back. Refused once the ID has been used (ALREADY_USED). Repeating is harmless."
    })
final class RefundCommand extends IdCommand {

  @Mixin RequestOptions request = new RequestOptions();

  @Override
  Output.Reply run(Workspace ws) {
    return Results.reversal(
        ws.settle.terminal(request.terminal).reverse(id(), request.reference.value), id());
  }
}
