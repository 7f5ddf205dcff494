package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import java.util.List;

/**
 * ID numbers just issued, for printing. This is the only time they are available: the store keeps
 * only their keyed hashes.
 *
 * @param ids the numbers, in the order created
 */
public record IssuedIds(List<IdNumber> ids) {
  /** Copies the list. */
  public IssuedIds {
    ids = List.copyOf(Checks.notNull(ids, "ids"));
  }
}
