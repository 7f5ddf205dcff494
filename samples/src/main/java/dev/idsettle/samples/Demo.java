package dev.idsettle.samples;

import dev.idsettle.metering.CallRecord;
import dev.idsettle.operator.Reconciliation;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Slips;
import dev.idsettle.sales.MemorySaleRecords;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The whole story of idsettle, told in plain words on the embedded default: a sheet of slips is
 * issued and printed, a store sells one, the user splits it between two services, a service spends
 * until the warning and the denial, a holder's two IDs are linked and merged, an ID bought online
 * is lost and recovered, a prepaid call is metered and cut at zero, a smart card is credited and
 * debited and its receipt journaled, and the ledger reconciles. One class per chapter; each returns
 * what it did, gathered in a {@link Summary}.
 *
 * <p>Run it with {@code mvn -B -q -pl samples exec:java} (after {@code mvn -B -q install
 * -DskipTests}): it runs on a SQLite file database, {@code samples/target/idsettle-demo/ledger.db}
 * ({@link DemoDatabase}), and writes the sheet's PDF beside it. Every run issues new IDs and tags
 * its references and names with a fresh run id, so it can be repeated against the same file.
 */
public final class Demo {
  private static final Path DEFAULT_FILE = Path.of("target", "idsettle-demo", "ledger.db");

  /**
   * What each chapter did, for a test to check.
   *
   * @param sheet chapter 1
   * @param sale chapter 2
   * @param split chapter 3
   * @param spending chapter 4
   * @param holding chapter 5
   * @param online chapter 6
   * @param call chapter 7
   * @param card chapter 8
   * @param reconciliation chapter 9
   */
  record Summary(
      SheetChapter.Sheet sheet,
      StoreChapter.Sale sale,
      SplitChapter.Split split,
      SpendChapter.Spending spending,
      HolderChapter.Holding holding,
      OnlineChapter.Online online,
      CallRecord call,
      CardChapter.Card card,
      Reconciliation reconciliation) {}

  private Demo() {}

  /**
   * Tells the story on the SQLite file database {@code args[0]} (default {@code
   * target/idsettle-demo/ledger.db}), or with {@code --h2 FILE} on an H2 file database, printing to
   * standard output; the PDF goes to the database's directory.
   */
  public static void main(String[] args) {
    boolean h2 = args.length > 0 && args[0].equals("--h2");
    int at = h2 ? 1 : 0;
    Path file = (args.length > at ? Path.of(args[at]) : DEFAULT_FILE).toAbsolutePath();
    try (DemoDatabase db = h2 ? DemoDatabase.openH2(file) : DemoDatabase.openSqlite(file)) {
      System.out.println(
          "Ledger: " + db.url() + (h2 ? " (H2 file" : " (SQLite file") + ", HikariCP, JdbcStore)");
      Path directory = file.getParent() == null ? Path.of(".") : file.getParent();
      tell(System.out, db.store(), directory, db.url());
    }
  }

  /** Tells the story on a fresh memory store, writing the PDF to {@code directory}. */
  static Summary tell(PrintStream out, Path directory) {
    return tell(out, MemoryStore.create(), directory, "in memory (gone when the run ends)");
  }

  /**
   * Tells the story on {@code store} (described as {@code database} at the end), printing to {@code
   * out} and writing the PDF to {@code directory}. The store may hold earlier runs. The online
   * sale's records live in memory, as long as the simulated bank that charged them: reconciling
   * this run's bank statement against the orders of earlier runs, whose bank is gone, would find
   * every one of them missing.
   */
  @SuppressWarnings("try") // closes the facade the story uses
  static Summary tell(PrintStream out, LedgerStore store, Path directory, String database) {
    try (IdSettle settle = IdSettle.builder(store).issuerKey(Story.randomBytes(32)).build()) {
      Story s = new Story(out, settle);
      out.println("Run " + s.run + ": every reference and name of this run ends with it.");
      Slips slips = Slips.over(s.manager);
      SheetChapter.Sheet sheet = SheetChapter.tell(s, slips, directory);
      StoreChapter.Sale sale = StoreChapter.tell(s, slips, sheet.batch().slips().get(0));
      SplitChapter.Split split = SplitChapter.tell(s, sale.slip().id());
      SpendChapter.Spending spending =
          SpendChapter.tell(s, split, sheet.batch().slips().get(1).id());
      HolderChapter.Holding holding = HolderChapter.tell(s);
      OnlineChapter.Online online = OnlineChapter.tell(s, MemorySaleRecords.create());
      CallRecord call = CallChapter.tell(s);
      CardChapter.Card card = CardChapter.tell(s);
      Reconciliation reconciliation =
          ReconcileChapter.tell(s, online, database, sheet.pdf().toString());
      return new Summary(sheet, sale, split, spending, holding, online, call, card, reconciliation);
    }
  }
}
