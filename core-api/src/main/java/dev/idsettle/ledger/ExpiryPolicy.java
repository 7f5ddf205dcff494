package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * When an ID stops being spendable: never, at a fixed instant, a number of days after activation,
 * or a number of days after first use. Enforced by the ledger at every debit.
 */
public sealed interface ExpiryPolicy {
  /** Never expires. */
  record Never() implements ExpiryPolicy {}

  /** Expires at a fixed instant. */
  record At(Instant instant) implements ExpiryPolicy {
    /** Requires an instant. */
    public At {
      Checks.notNull(instant, "instant");
    }
  }

  /** Expires {@code days} days after activation. */
  record AfterActivation(int days) implements ExpiryPolicy {
    /** Requires a positive number of days. */
    public AfterActivation {
      requirePositive(days);
    }
  }

  /** Expires {@code days} days after the first debit. */
  record AfterFirstUse(int days) implements ExpiryPolicy {
    /** Requires a positive number of days. */
    public AfterFirstUse {
      requirePositive(days);
    }
  }

  /** Never expires. */
  static ExpiryPolicy never() {
    return new Never();
  }

  /** Expires at {@code instant}. */
  static ExpiryPolicy at(Instant instant) {
    return new At(instant);
  }

  /** Expires {@code days} days after activation. */
  static ExpiryPolicy afterActivation(int days) {
    return new AfterActivation(days);
  }

  /** Expires {@code days} days after first use. */
  static ExpiryPolicy afterFirstUse(int days) {
    return new AfterFirstUse(days);
  }

  /** The expiry this policy sets when the account is activated at {@code now}, if any. */
  default @Nullable Instant onActivation(Instant now) {
    if (this instanceof At at) {
      return at.instant();
    }
    if (this instanceof AfterActivation a) {
      return now.plus(Duration.ofDays(a.days()));
    }
    return null;
  }

  /** The expiry this policy sets at the first debit at {@code now}, if any. */
  default @Nullable Instant onFirstUse(Instant now) {
    return this instanceof AfterFirstUse f ? now.plus(Duration.ofDays(f.days())) : null;
  }

  /**
   * A compact text form for stores: {@code never}, {@code at:<instant>}, {@code activation:<days>},
   * {@code first-use:<days>}.
   */
  default String encode() {
    if (this instanceof At at) {
      return "at:" + at.instant();
    }
    if (this instanceof AfterActivation a) {
      return "activation:" + a.days();
    }
    if (this instanceof AfterFirstUse f) {
      return "first-use:" + f.days();
    }
    return "never";
  }

  /** Reads the form written by {@link #encode()}. */
  static ExpiryPolicy decode(String text) {
    Checks.notNull(text, "text");
    try {
      if (text.equals("never")) {
        return never();
      }
      if (text.startsWith("at:")) {
        return at(Instant.parse(text.substring(3)));
      }
      if (text.startsWith("activation:")) {
        return afterActivation(Integer.parseInt(text.substring(11)));
      }
      if (text.startsWith("first-use:")) {
        return afterFirstUse(Integer.parseInt(text.substring(10)));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidRequestException("malformed expiry policy " + Checks.quote(text), e);
    }
    throw new InvalidRequestException("unknown expiry policy " + Checks.quote(text));
  }

  private static void requirePositive(int days) {
    if (days <= 0) {
      throw new InvalidRequestException("expiry days must be positive, was " + days);
    }
  }
}
