package dev.idsettle.sales;

/**
 * What one recovery pass did.
 *
 * @param completed orders it finished (delivered, refunded)
 * @param undone orders it undid before any charge (authorization voided, ID back in stock)
 * @param left orders it could not move (the gateway or a store did not answer): the next pass tries
 *     again
 */
public record RecoveryReport(int completed, int undone, int left) {}
