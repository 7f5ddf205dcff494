package dev.idsettle.cli;

import dev.idsettle.id.IdNumber;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Parameters;

/** A command about one ID number, its first parameter (masked in everything printed). */
abstract class IdCommand extends StoreCommand {
  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The ID number (16 digits; spaces and dashes ignored).",
      converter = Converters.Id.class)
  @Nullable IdNumber id;

  IdNumber id() {
    return Objects.requireNonNull(id, "id");
  }

  /** The named service, which must be in the settings. */
  static String service(Workspace ws, String name, String option) {
    if (!ws.settings.services().containsKey(name)) {
      throw CliException.badInput(
          option
              + ": service '"
              + Amount.shorten(name)
              + "' is not registered (known: "
              + String.join(", ", ws.settings.services().keySet())
              + "); add it with 'idsettle service add'");
    }
    return name;
  }
}
