package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Issues IDs as keyed hashes in one store call, drawing again for the (vanishingly rare) clash. */
final class DefaultIssuer implements Issuer {
  static final int MAX_COUNT = 1_000_000;
  private final IdSettle settle;

  DefaultIssuer(IdSettle settle) {
    this.settle = settle;
  }

  @Override
  public IssuedIds issue(int count, ExpiryPolicy expiry) {
    Checks.notNull(expiry, "expiry");
    if (count < 1 || count > MAX_COUNT) {
      throw new InvalidRequestException(
          "count must be between 1 and " + MAX_COUNT + ", was " + count);
    }
    List<IdNumber> issued = new ArrayList<>(count);
    int wanted = count;
    while (wanted > 0) {
      Map<AccountId, IdNumber> drawn = new LinkedHashMap<>();
      List<Account> accounts = new ArrayList<>(wanted);
      for (int i = 0; i < wanted; i++) {
        IdNumber id = settle.generator.next();
        AccountId accountId = AccountId.random();
        drawn.put(accountId, id);
        accounts.add(Account.issued(accountId, settle.hasher.hash(id), settle.currency, expiry));
      }
      Set<AccountId> clashed = settle.ledger.createAccounts(accounts);
      for (Map.Entry<AccountId, IdNumber> e : drawn.entrySet()) {
        if (!clashed.contains(e.getKey())) {
          issued.add(e.getValue());
        }
      }
      wanted = clashed.size();
    }
    return new IssuedIds(issued);
  }
}
