package dev.idsettle.cli;

import picocli.CommandLine.Command;

/** {@code block}: a lost or stolen ID, with its envelopes. */
@Command(
    name = "block",
    mixinStandardHelpOptions = true,
    description = "Blocks an ID and every envelope of it (lost or stolen); repeating is harmless.")
final class BlockCommand extends IdCommand {
  @Override
  Output.Reply run(Workspace ws) {
    return Results.block(ws.manager.block(id()), id());
  }
}
