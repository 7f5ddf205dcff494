package dev.idsettle.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator's command line, {@code idsettle}: {@code java -jar idsettle-cli.jar COMMAND ...}.
 * Every command ends with an exit code of {@link ExitCodes}.
 */
@Command(
    name = "idsettle",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "The operator's tool for an idsettle ledger: a SQLite file by default, or any JDBC URL.",
      "ID numbers are masked in everything it prints, except a batch's one-time print files."
    },
    subcommands = {
      InitCommand.class,
      ServiceCommand.class,
      BatchCommand.class,
      ActivateCommand.class,
      AuthorizeCommand.class,
      BalanceCommand.class,
      JournalCommand.class,
      HolderCommands.Link.class,
      HolderCommands.Merge.class,
      BlockCommand.class,
      SplitCommand.class,
      RefundCommand.class,
      OperatorCommands.Report.class,
      OperatorCommands.Reconcile.class,
    })
public final class Main implements Runnable {
  final PrintWriter out;
  final PrintWriter err;
  final Clock clock;
  final boolean progress;

  @Spec CommandSpec spec = CommandSpec.create();

  Main(PrintWriter out, PrintWriter err, Clock clock, boolean progress) {
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.progress = progress;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = execute(args, out, err, Clock.systemUTC(), stderrIsTerminal());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs {@code args} with answers on {@code out}, errors and progress on {@code err}, and returns
   * the exit code.
   */
  static int execute(
      String[] args, PrintWriter out, PrintWriter err, Clock clock, boolean progress) {
    CommandLine cl = commandLine(new Main(out, err, clock, progress));
    return cl.execute(args);
  }

  static CommandLine commandLine(Main main) {
    CommandLine cl = new CommandLine(main);
    cl.setOut(main.out);
    cl.setErr(main.err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Map<String, String> codes = new LinkedHashMap<>();
    for (String line : ExitCodes.HELP) {
      int colon = line.indexOf(':');
      codes.put(line.substring(0, colon), line.substring(colon + 1));
    }
    apply(cl, codes);
    cl.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          CliException c = Failures.of(e);
          main.err.println("error: " + Mask.scrub(String.valueOf(c.getMessage())));
          if (c.exitCode() == ExitCodes.INTERNAL) {
            e.printStackTrace(main.err);
          }
          main.err.flush();
          return c.exitCode();
        });
    cl.setParameterExceptionHandler(
        (ParameterException e, String[] args) -> {
          CommandLine at = e.getCommandLine();
          main.err.println("error: " + Mask.scrub(String.valueOf(e.getMessage())));
          main.err.println(
              "Try '" + at.getCommandSpec().qualifiedName() + " --help' for the usage.");
          main.err.flush();
          return ExitCodes.BAD_INPUT;
        });
    return cl;
  }

  private static void apply(CommandLine cl, Map<String, String> codes) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    cl.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
    for (CommandLine sub : cl.getSubcommands().values()) {
      apply(sub, codes);
    }
  }

  /** Without a command: the usage, and bad input. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * Whether standard error is a terminal, where progress bars belong (Linux: its descriptor links
   * to a tty or pty device); false where that cannot be told.
   */
  static boolean stderrIsTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      String t = target.toString();
      return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  /** The version from the jar's manifest, where there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"idsettle-cli " + (v == null ? "(development build)" : v)};
    }
  }
}
