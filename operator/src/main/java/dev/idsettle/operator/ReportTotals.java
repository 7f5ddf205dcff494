package dev.idsettle.operator;

import dev.idsettle.money.Money;

/**
 * The whole ledger in a {@link OperatorReport}, every ID counted whatever its batch or service.
 *
 * @param outstanding value on IDs and their envelopes that has not expired (what the operator still
 *     owes in service)
 * @param outstandingAnyService the part of {@code outstanding} not in an envelope: spendable at any
 *     service
 * @param breakage value left on IDs and envelopes past their expiry, unspent
 * @param revenue what IDs have paid all services
 * @param cash what all terminals took
 * @param idAccounts how many ID accounts (IDs and envelopes) the ledger holds
 * @param expiredAccounts how many of them are past their expiry with value left
 */
public record ReportTotals(
    Money outstanding,
    Money outstandingAnyService,
    Money breakage,
    Money revenue,
    Money cash,
    long idAccounts,
    long expiredAccounts) {}
