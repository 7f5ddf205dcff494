package dev.idsettle.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command over an initialized ledger: opens it, runs, closes it, and prints one reply. */
abstract class StoreCommand implements Callable<Integer> {
  @Mixin StoreOptions store = new StoreOptions();

  @Option(names = "--json", description = "Print the answer as one JSON document.")
  boolean json;

  @Spec CommandSpec spec = CommandSpec.create();

  Main main() {
    return (Main) spec.root().userObject();
  }

  @Override
  public Integer call() {
    Main main = main();
    Output output = new Output(main.out, json);
    try (Workspace ws = Workspace.open(store, main.clock)) {
      return output.print(run(ws));
    }
  }

  /** What the command does over the open ledger. */
  abstract Output.Reply run(Workspace ws);
}
