package dev.idsettle.operator;

import dev.idsettle.money.Money;
import dev.idsettle.roles.BatchState;
import org.jspecify.annotations.Nullable;

/**
 * One batch of slips in a {@link OperatorReport}. A slip's value is its own account's plus its
 * envelope's (a batch for one service routes each sold slip's value to the slip's envelope for it).
 *
 * @param prefix the batch prefix
 * @param service the service its value is routed to, or null for everywhere
 * @param state where the batch is in its life
 * @param slips how many slips it has
 * @param unsold slips never sold (issued)
 * @param sold slips sold (active, exhausted, blocked, expired or merged since)
 * @param voided slips withdrawn
 * @param soldValue what their sales put on the slips
 * @param outstanding value still on sold slips that have not expired
 * @param breakage value left on slips past their expiry
 */
public record BatchFigures(
    String prefix,
    @Nullable String service,
    BatchState state,
    int slips,
    int unsold,
    int sold,
    int voided,
    Money soldValue,
    Money outstanding,
    Money breakage) {}
