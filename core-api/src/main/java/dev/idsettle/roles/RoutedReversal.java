package dev.idsettle.roles;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part of reversing an activation that a routed activation (claim 2) adds: its value went on
 * into the service's envelope, so the reversal first brings it back out, in the same linked group.
 * If the envelope has been spent from since, that move is refused and the whole reversal with it.
 */
final class RoutedReversal {
  private RoutedReversal() {}

  /** The route of the activation {@code activation}, or null if it named no service. */
  static @Nullable Transfer route(IdSettle settle, TransferId activation, AccountId account) {
    IdHash routed = Routes.routeHash(settle.hasher, account);
    if (!settle.ledger.keys(List.of(routed)).containsKey(routed)) {
      return null; // never routed: no store transaction spent on looking for the route's transfer
    }
    Optional<Transfer> route =
        settle.ledger.transfer(TransferId.derive("idsettle:route", activation.toString()));
    return route.filter(Transfer::applied).orElse(null);
  }

  /** The move of the routed value back out of the envelope, or nothing for no route. */
  static List<LedgerCommand> unroute(@Nullable Transfer route) {
    if (route == null) {
      return List.of();
    }
    // the envelope goes back to issued with its ID, so that it tells an unsold ID from nothing
    return List.of(
        LedgerCommand.post(
            TransferId.derive("idsettle:unroute", route.id().toString()),
            /* debit= */ route.credit(),
            /* credit= */ route.debit(),
            route.amount(),
            "unroute"),
        new LedgerCommand.StateChange(
            route.credit(),
            EnumSet.of(AccountState.ACTIVE, AccountState.EXHAUSTED),
            AccountState.ISSUED,
            true));
  }

  /** The service the route named, for a refusal's message. */
  static String service(Transfer route) {
    String code = route.code();
    return code.startsWith(Routes.ROUTE) ? code.substring(Routes.ROUTE.length()) : code;
  }
}
