package dev.idsettle.metering;

import dev.idsettle.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a usage costs, itemized. The items' amounts always add up to {@link #amount()}.
 *
 * @param currency the currency of the amounts
 * @param units the units used
 * @param billedUnits the units billed: {@code units} up to the end of its last increment
 * @param amount the charge in minor units
 * @param items the itemized lines
 */
public record Charge(
    Currency currency, long units, long billedUnits, long amount, List<ChargeItem> items) {
  /** Copies the items. */
  public Charge {
    Objects.requireNonNull(currency, "currency");
    items = List.copyOf(items);
  }

  /** The charge as money. */
  public Money total() {
    return Money.of(amount, currency);
  }

  /** Why the usage cost what it cost: one line per item, then the total. */
  public String explain() {
    StringBuilder b = new StringBuilder();
    for (ChargeItem item : items) {
      b.append(item.explain()).append('\n');
    }
    return b.append("total for ")
        .append(units)
        .append(" units (billed ")
        .append(billedUnits)
        .append("): ")
        .append(total())
        .toString();
  }
}
