package dev.idsettle.operator;

import dev.idsettle.money.Money;

/**
 * One service in a {@link OperatorReport}.
 *
 * @param service its name
 * @param revenue what IDs have paid it (the sum of its revenue accounts)
 * @param outstanding value in IDs' envelopes for it (spendable at it only) that has not expired
 * @param breakage value left in its envelopes past their expiry
 */
public record ServiceFigures(String service, Money revenue, Money outstanding, Money breakage) {}
