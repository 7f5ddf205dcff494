package dev.idsettle.cli;

import dev.idsettle.ledger.Account;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.SelectionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code balance}: an ID's state, balance, expiry and envelopes. */
@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    description =
        "Shows an ID's state, balance (posted and available), expiry and its envelopes per service.")
final class BalanceCommand extends IdCommand {
  @Override
  Output.Reply run(Workspace ws) {
    Optional<Account> found = ws.settle.account(id());
    if (found.isEmpty()) {
      return Results.failure(
          "balance", id(), new Denial(DenialReason.UNKNOWN_ID, null, "no such ID was issued"));
    }
    Account a = found.get();
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("state", a.effectiveState(main().clock.instant()).name());
    f.put("balance", Output.money(a.balance()));
    f.put("available", Output.money(a.availableBalance()));
    f.put("expiresAt", a.expiresAt() == null ? null : a.expiresAt().toString());
    f.put("expiry", a.expiry().encode());
    Map<String, Object> envelopes = new TreeMap<>();
    StringBuilder text = new StringBuilder();
    Money unallocated = a.availableBalance();
    SelectionResult split = ws.manager.selector().balances(id());
    if (split instanceof Selected s) {
      unallocated = s.unallocated();
      for (Map.Entry<String, Money> e : new TreeMap<>(s.envelopes()).entrySet()) {
        envelopes.put(e.getKey(), Output.money(e.getValue()));
        text.append("\n  envelope ")
            .append(e.getKey())
            .append(": ")
            .append(Output.text(e.getValue()));
      }
    }
    f.put("unallocated", Output.money(unallocated));
    f.put("envelopes", envelopes);
    return Results.done(
        "balance",
        id(),
        id().masked()
            + ": "
            + f.get("state")
            + ", balance "
            + Output.text(a.balance())
            + " (available "
            + Output.text(a.availableBalance())
            + ")"
            + (a.expiresAt() == null ? "" : ", expires " + a.expiresAt())
            + text,
        f);
  }
}
