package dev.idsettle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code link} and {@code merge}: the IDs of one holder (claims 8 and 9). */
final class HolderCommands {
  private HolderCommands() {}

  /** The options both take. */
  abstract static class HolderCommand extends IdCommand {
    @Option(
        names = "--holder",
        required = true,
        paramLabel = "HOLDER",
        description =
            "What identifies the holder (a customer number): opaque, stored only as a keyed hash.")
    String holder = "";

    @Mixin RequestOptions.ReferenceOption reference = new RequestOptions.ReferenceOption();
  }

  /** {@code link}. */
  @Command(
      name = "link",
      mixinStandardHelpOptions = true,
      description =
          "Links an ID to a holder (claim 8): a request may then spend across the holder's IDs.")
  static final class Link extends HolderCommand {
    @Override
    Output.Reply run(Workspace ws) {
      return Results.holder("link", ws.holders.link(holder, id(), reference.value), id());
    }
  }

  /** {@code merge}. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Merges the holder's other usable IDs into this active ID (claim 9): their balances move"
            + " to it in one step and they are closed as merged."
      })
  static final class Merge extends HolderCommand {
    @Override
    Output.Reply run(Workspace ws) {
      return Results.holder("merge", ws.holders.merge(holder, id(), reference.value), id());
    }
  }
}
