package dev.idsettle.operator;

import dev.idsettle.money.Money;

/**
 * One settlement terminal's cash in a {@link OperatorReport}.
 *
 * @param terminal the terminal's id when the report's scope names it, else its cash account's id
 *     (such as {@code A1234...})
 * @param named whether {@code terminal} is the terminal's id
 * @param account its cash account's id
 * @param cash what its activations and slip sales took, less its reversals
 */
public record TerminalFigures(String terminal, boolean named, String account, Money cash) {}
