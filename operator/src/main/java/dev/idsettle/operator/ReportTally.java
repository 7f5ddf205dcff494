package dev.idsettle.operator;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.OperatorAccounts;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.Slips;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** One report's pass over the ledger: what the transfers say first, then the accounts' balances. */
final class ReportTally {
  private final IdSettle settle;
  private final ReportScope scope;
  private final Instant asOf;
  private final Progress progress;
  private final Currency currency;
  private final OperatorAccounts names;

  private final TreeSet<String> services = new TreeSet<>();
  private final Map<AccountId, String> envelopeService = new HashMap<>();
  private final Map<AccountId, AccountId> envelopeMaster = new HashMap<>();
  private final Map<AccountId, Long> slipSales = new HashMap<>();
  private final Map<AccountId, String> cashAccounts = new HashMap<>();
  private final Map<AccountId, String> revenueOf = new HashMap<>();
  private final Map<AccountId, Batch> slipBatch = new HashMap<>();
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final Map<String, Service> serviceFigures = new TreeMap<>();
  private final Map<AccountId, Long> cash = new HashMap<>();

  private long outstanding;
  private long anyService;
  private long breakage;
  private long idAccounts;
  private long expiredAccounts;

  ReportTally(IdSettle settle, ReportScope scope, Instant asOf, Progress progress) {
    this.settle = settle;
    this.scope = scope;
    this.asOf = asOf;
    this.progress = progress;
    this.currency = settle.currency();
    this.names = settle.operatorAccounts();
  }

  OperatorReport run() {
    JournalScan scan = new JournalScan(settle.ledger().store(), progress);
    scan.transfers(this::transfer);
    services.addAll(scope.services());
    for (String service : services) {
      serviceFigures.put(service, new Service());
      for (AccountId shard : names.revenueAccounts(service)) {
        revenueOf.put(shard, service);
      }
    }
    Map<AccountId, String> named = new LinkedHashMap<>();
    for (String terminal : scope.terminals()) {
      AccountId account = names.cash(terminal);
      named.put(account, terminal);
      cashAccounts.put(account, terminal);
    }
    if (!scope.batches().isEmpty()) {
      Slips slips = Slips.over(SettlementManager.over(settle));
      for (String prefix : scope.batches()) {
        batches.put(prefix, batch(prefix, slips.state(prefix)));
      }
    }
    scan.accounts(this::account);
    return new OperatorReport(
        asOf,
        currency.getCurrencyCode(),
        totals(),
        batchFigures(),
        serviceFigures(),
        terminalFigures(named));
  }

  private void transfer(Transfer t) {
    if (!t.applied()) {
      return;
    }
    String paid = Conventions.paidService(t);
    if (paid != null) {
      services.add(paid);
    }
    String envelope = Conventions.envelopeService(t);
    if (envelope != null) {
      services.add(envelope);
      envelopeService.put(t.credit(), envelope);
      envelopeMaster.put(t.credit(), t.debit());
    }
    if (Conventions.takesCash(t)) {
      cashAccounts.putIfAbsent(t.debit(), t.debit().toString());
      if (t.code().startsWith(Conventions.SLIP_SALE)) {
        slipSales.merge(t.credit(), t.amount(), Long::sum);
      }
    }
  }

  private Batch batch(String prefix, BatchState state) {
    Batch b = new Batch(prefix, state);
    for (AccountKey key : settle.ledger().keysOwnedBy(Conventions.batchAnchor(prefix))) {
      if (key.tag().startsWith(Conventions.SERIAL_TAG)) {
        b.slips++;
        slipBatch.put(key.account(), b);
      } else if (key.tag().startsWith(Conventions.SERVICE_TAG)) {
        b.service = key.tag().substring(Conventions.SERVICE_TAG.length());
      }
    }
    return b;
  }

  private void account(Account a) {
    if (a.kind() == AccountKind.OPERATOR) {
      String service = revenueOf.get(a.id());
      if (service != null) {
        service(service).revenue += a.posted();
      }
      if (cashAccounts.containsKey(a.id())) {
        cash.put(a.id(), -a.posted());
      }
      return;
    }
    idAccounts++;
    boolean expired = a.effectiveState(asOf) == AccountState.EXPIRED;
    long value = a.posted();
    if (expired) {
      breakage += value;
      expiredAccounts += value != 0 ? 1 : 0;
    } else {
      outstanding += value;
    }
    String service = envelopeService.get(a.id());
    if (service != null) {
      Service s = service(service);
      if (expired) {
        s.breakage += value;
      } else {
        s.outstanding += value;
      }
    } else if (!expired) {
      anyService += value;
    }
    AccountId master = envelopeMaster.get(a.id());
    Batch batch = slipBatch.get(master != null ? master : a.id());
    if (batch != null) {
      batch.add(a, master == null, expired, slipSales.getOrDefault(a.id(), 0L));
    }
  }

  private Service service(String name) {
    return serviceFigures.computeIfAbsent(name, n -> new Service());
  }

  private Money money(long minor) {
    return Money.of(minor, currency);
  }

  private ReportTotals totals() {
    long revenue = 0;
    for (Service s : serviceFigures.values()) {
      revenue += s.revenue;
    }
    long taken = 0;
    for (long c : cash.values()) {
      taken += c;
    }
    return new ReportTotals(
        money(outstanding),
        money(anyService),
        money(breakage),
        money(revenue),
        money(taken),
        idAccounts,
        expiredAccounts);
  }

  private List<BatchFigures> batchFigures() {
    List<BatchFigures> out = new ArrayList<>();
    for (Batch b : batches.values()) {
      out.add(
          new BatchFigures(
              b.prefix,
              b.service,
              b.state,
              b.slips,
              b.unsold,
              b.slips - b.unsold - b.voided,
              b.voided,
              money(b.soldValue),
              money(b.outstanding),
              money(b.breakage)));
    }
    return out;
  }

  private List<ServiceFigures> serviceFigures() {
    List<ServiceFigures> out = new ArrayList<>();
    serviceFigures.forEach(
        (name, s) ->
            out.add(
                new ServiceFigures(
                    name, money(s.revenue), money(s.outstanding), money(s.breakage))));
    return out;
  }

  private List<TerminalFigures> terminalFigures(Map<AccountId, String> named) {
    List<TerminalFigures> out = new ArrayList<>();
    new TreeMap<>(invert(named))
        .forEach(
            (terminal, account) ->
                out.add(
                    new TerminalFigures(
                        terminal,
                        true,
                        account.toString(),
                        money(cash.getOrDefault(account, 0L)))));
    new TreeMap<>(cash)
        .forEach(
            (account, taken) -> {
              if (!named.containsKey(account)) {
                out.add(
                    new TerminalFigures(
                        account.toString(), false, account.toString(), money(taken)));
              }
            });
    return out;
  }

  private static Map<String, AccountId> invert(Map<AccountId, String> named) {
    Map<String, AccountId> out = new HashMap<>();
    named.forEach((account, terminal) -> out.put(terminal, account));
    return out;
  }

  /** A service's running figures. */
  private static final class Service {
    long revenue;
    long outstanding;
    long breakage;
  }

  /** A batch's running figures. */
  private static final class Batch {
    final String prefix;
    final BatchState state;
    @Nullable String service;
    int slips;
    int unsold;
    int voided;
    long soldValue;
    long outstanding;
    long breakage;

    Batch(String prefix, BatchState state) {
      this.prefix = prefix;
      this.state = state;
    }

    /** A slip's own account ({@code slip}) or one of its envelopes. */
    void add(Account a, boolean slip, boolean expired, long sales) {
      if (slip) {
        if (a.state() == AccountState.ISSUED) {
          unsold++;
        } else if (a.state() == AccountState.VOIDED) {
          voided++;
        }
        soldValue += sales;
      }
      if (expired) {
        breakage += a.posted();
      } else {
        outstanding += a.posted();
      }
    }
  }
}
