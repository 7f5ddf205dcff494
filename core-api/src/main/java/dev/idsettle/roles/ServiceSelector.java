package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The service selection device (claim 5): the user chooses services and an amount for each, and the
 * manager moves each amount from the ID into that service's envelope of the ID. Every call is one
 * linked ledger group, all or nothing, and idempotent under its reference: the same reference with
 * the same content replays the original outcome, with other content it is denied {@link
 * DenialReason#DUPLICATE_REFERENCE}. References of the selector are one namespace across IDs. An ID
 * never issued and one issued and not sold are answered alike ({@link DenialReason#UNKNOWN_ID}) and
 * counted in the manager's shared guessing budget ({@link SettlementManager#block}).
 */
public interface ServiceSelector {

  /**
   * Moves each amount of {@code amounts} (by registered service name) from {@code id} into that
   * service's envelope; never beyond the ID's available value ({@link
   * DenialReason#INSUFFICIENT_BALANCE}, carrying it). What is not allocated stays on the ID.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code amounts} is empty or names a service
   *     that is not registered, or the reference is blank or too long
   */
  SelectionResult select(IdNumber id, Map<String, Money> amounts, String reference);

  /**
   * Gives {@code amount} of the envelope of {@code service} back to the ID; all of it when {@code
   * amount} is null.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code service} is not registered
   */
  SelectionResult giveBack(IdNumber id, String service, @Nullable Money amount, String reference);

  /**
   * Re-splits: moves {@code amount} from the envelope of service {@code from} into that of {@code
   * to}.
   *
   * @throws dev.idsettle.InvalidRequestException if a service is not registered, or {@code from}
   *     and {@code to} are the same
   */
  SelectionResult move(IdNumber id, String from, String to, Money amount, String reference);

  /** The ID's unallocated value and envelopes now (an empty {@link Selected} never replays). */
  SelectionResult balances(IdNumber id);
}
