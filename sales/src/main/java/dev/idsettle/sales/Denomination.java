package dev.idsettle.sales;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;

/**
 * What the desk sells: IDs of one class and value at one price.
 *
 * @param code the denomination's code (1 to {@value #MAX_CODE} letters, digits, '-' or '_')
 * @param kind its class: what the ID is for
 * @param value what the ID holds once delivered
 * @param price what the buyer pays for it (may differ from the value: a discount, a fee)
 * @param label what the buyer is shown
 */
public record Denomination(String code, Kind kind, Money value, Money price, String label) {
  /** The longest code. */
  public static final int MAX_CODE = 32;

  /** The class of an ID (the patent's "type of ID number"). */
  public enum Kind {
    /** Prepaid talk time, spent through the access numbers. */
    TALK_TIME,
    /** Value for goods and tickets from the catalogue. */
    GOODS
  }

  /** Checks every field; value and price positive and in one currency. */
  public Denomination {
    Args.text(code, "code", MAX_CODE);
    if (!code.matches("[A-Za-z0-9_-]+")) {
      throw new InvalidRequestException("code must be letters, digits, '-' or '_', was " + code);
    }
    Args.notNull(kind, "kind");
    Args.notNull(value, "value");
    Args.notNull(price, "price");
    value.requireSameCurrency(price);
    if (!value.isPositive() || !price.isPositive()) {
      throw new InvalidRequestException("value and price must be positive");
    }
    Args.text(label, "label", 200);
  }
}
