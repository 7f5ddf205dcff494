package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import java.time.Duration;

/**
 * How many attempts with ID numbers that cannot be used (never issued, or issued and not yet sold)
 * the roles answer per window: per source (one terminal or authenticator handle), per service (all
 * the authenticator handles of one service together) and globally (all handles of one {@link
 * IdSettle}). Each window starts with its budget's first miss. Past a budget, see {@link
 * IdSettle.Builder#guessingBudgets}. Construction throws {@link
 * dev.idsettle.InvalidConfigurationException} naming the setting out of range.
 *
 * @param perSource misses one handle may make per window, at least 1
 * @param perService misses all the handles of one service may make per window, at least 1
 * @param global misses all handles together may make per window, at least 1
 * @param window how long a budget lasts once its first miss was counted; positive
 */
public record GuessingBudgets(int perSource, int perService, int global, Duration window) {
  /** The defaults: 10 per source, 10 000 per service, 100 000 in all, per 15 minutes. */
  public static final GuessingBudgets DEFAULT =
      new GuessingBudgets(10, 10_000, 100_000, Duration.ofMinutes(15));

  /** Validates every setting. */
  public GuessingBudgets {
    atLeastOne(perSource, "guessingBudgets.perSource");
    atLeastOne(perService, "guessingBudgets.perService");
    atLeastOne(global, "guessingBudgets.global");
    Checks.settingNotNull(window, "guessingBudgets.window");
    if (window.isNegative() || window.isZero()) {
      throw Checks.invalidSetting("guessingBudgets.window", window, "must be positive");
    }
  }

  private static void atLeastOne(int value, String setting) {
    if (value < 1) {
      throw Checks.invalidSetting(setting, value, "must be at least 1");
    }
  }
}
