package dev.idsettle.metering.tariff;

import dev.idsettle.metering.Charge;
import dev.idsettle.metering.Rating;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a tariff says about a destination: a rating (and a price when asked), or why not. */
public sealed interface Quote {

  /**
   * The destination is priced.
   *
   * @param prefix the prefix whose entries price it
   * @param rating the call's rating, by second from its start
   * @param charge the itemized price of the duration asked, when one was asked
   */
  record Rated(String prefix, Rating rating, @Nullable Charge charge) implements Quote {
    /** Checks the fields. */
    public Rated {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(rating, "rating");
    }

    /** The price asked for. */
    public Charge price() {
      return Objects.requireNonNull(charge, "no duration was asked for");
    }
  }

  /**
   * The destination is not priced.
   *
   * @param reason why
   * @param message in words (the destination masked)
   */
  record NotPriced(Reason reason, String message) implements Quote {}

  /** Why a destination is not priced. */
  enum Reason {
    /** Not 1 to 32 digits. */
    MALFORMED_DESTINATION,
    /** No prefix of it is in the table. */
    UNKNOWN_DESTINATION,
    /** Its prefix has no rate valid at that time. */
    NO_RATE_AT_THAT_TIME
  }
}
