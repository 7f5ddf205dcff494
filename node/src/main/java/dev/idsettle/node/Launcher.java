package dev.idsettle.node;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a node from a config file and runs it until the process is stopped (SIGTERM or SIGINT):
 * then it stops gracefully ({@link Node#close()}: requests in flight finish, the store is closed)
 * and prints {@code stopped}. Once serving it prints one line that a supervisor can wait for:
 * {@code ready <role> <party> api=<uri> health=<uri>}.
 *
 * <pre>{@code
 * java -jar idsettle-node.jar manager.json
 * java -jar idsettle-node.jar story [directory]   # the claim 1 to 5 story over four processes
 * java -jar idsettle-node.jar issue manager.json 100 ids.txt   # issue IDs into its ledger
 * }</pre>
 *
 * A bad config file prints the refusal (file, line, field) and exits with status 2.
 */
public final class Launcher {
  private Launcher() {}

  /** Runs the node of the config file {@code args[0]}, or {@code story}. */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    if (args.length >= 1 && args[0].equals("story")) {
      NetworkStory.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length == 4 && args[0].equals("issue")) {
      NodeConfig config = NodeConfig.load(Path.of(args[1]));
      if (config.role != Role.MANAGER) {
        System.err.println(args[1] + ": issue needs a manager's config");
        System.exit(2);
      }
      NetworkStory.issueHere(config, Integer.parseInt(args[2]), Path.of(args[3]));
      return;
    }
    if (args.length != 1) {
      System.err.println("usage: Launcher <config.json> | story [directory]");
      System.exit(2);
      return;
    }
    Node node;
    NodeConfig config;
    try {
      config = NodeConfig.load(Path.of(args[0]));
      node = Metrics.start(config);
    } catch (NodeConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  out.println("stopped " + node.role().name().toLowerCase(java.util.Locale.ROOT));
                  out.flush();
                  stopped.countDown();
                },
                "idsettle-stop"));
    out.println(
        "ready "
            + node.role().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + config.party()
            + " api="
            + node.api()
            + " health="
            + node.health());
    out.flush();
    stopped.await(); // the shutdown hook ends the wait; until then the servers' threads serve
  }
}
