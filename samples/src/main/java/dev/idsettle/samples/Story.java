package dev.idsettle.samples;

import dev.idsettle.money.Money;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.LowBalanceEvent;
import dev.idsettle.roles.SettlementManager;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every chapter of the demo shares: where it prints, the idsettle facade and its settlement
 * manager over one store, the low-balance events heard so far, and this run's id, which tags every
 * reference and name a chapter makes so that a run can repeat on the file earlier runs left.
 */
final class Story {
  static final String CURRENCY = "EUR";

  private static final SecureRandom RANDOM = new SecureRandom();

  final PrintStream out;
  final IdSettle settle;
  final SettlementManager manager;
  final List<LowBalanceEvent> events = new CopyOnWriteArrayList<>();
  final String run;

  Story(PrintStream out, IdSettle settle) {
    this.out = out;
    this.settle = settle;
    this.manager = SettlementManager.over(settle);
    this.run = HexFormat.of().formatHex(randomBytes(4));
    settle.addLowBalanceListener(this::onLowBalance);
  }

  /** {@code n} fresh random bytes (a key, a nonce). */
  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** {@code minor} cents in the demo's currency. */
  static Money eur(long minor) {
    return Money.of(minor, CURRENCY);
  }

  /** {@code base} tagged with this run's id: references stay unique across runs on one store. */
  String ref(String base) {
    return base + "/" + run;
  }

  /** This run's id in capitals, for names that allow only capitals and digits. */
  String runUpper() {
    return run.toUpperCase(Locale.ROOT);
  }

  /** Starts a chapter: its number and title, underlined. */
  void chapter(int number, String title) {
    String heading = number + ". " + title;
    out.println();
    out.println(heading);
    out.println("-".repeat(heading.length()));
  }

  /** One line of the story, indented under its chapter. */
  void say(String format, Object... args) {
    out.println("   " + String.format(Locale.ROOT, format, args));
  }

  /** A denial in words: its typed reason (for the operator) and what the user is shown. */
  void show(String what, Denial denial) {
    say(
        "%s: denied, reason %s%s; the user is told \"%s\"",
        what,
        denial.reason(),
        denial.balance() == null ? "" : " (balance " + denial.balance() + ")",
        denial.publicReason().message());
  }

  private void onLowBalance(LowBalanceEvent event) {
    events.add(event);
    say(
        "LOW-BALANCE EVENT: %s has %s left at %s (warns below %s)",
        event.id(), event.balance(), event.service(), event.reference());
  }

  /** {@code result} as a {@code type}, or a failure of the demo naming what came instead. */
  static <T> T expect(Class<T> type, Object result) {
    if (!type.isInstance(result)) {
      throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + result);
    }
    return type.cast(result);
  }
}
