package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of slips just issued, for printing: the only time their ID numbers are available.
 *
 * @param prefix the batch prefix
 * @param sheetSize how many slips a sheet holds
 * @param slips every slip, in serial order
 */
public record IssuedSlips(String prefix, int sheetSize, List<Slip> slips) {
  /** Copies the list. */
  public IssuedSlips {
    Checks.notNull(prefix, "prefix");
    slips = List.copyOf(Checks.notNull(slips, "slips"));
  }

  /** The slips cut into sheets of {@link #sheetSize}, in order. */
  public List<List<Slip>> sheets() {
    List<List<Slip>> out = new ArrayList<>();
    for (int i = 0; i < slips.size(); i += sheetSize) {
      out.add(slips.subList(i, Math.min(slips.size(), i + sheetSize)));
    }
    return out;
  }
}
