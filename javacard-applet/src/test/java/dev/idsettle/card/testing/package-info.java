/**
 * Test support that gives jCardSim what a real card has and the simulator lacks: transactions that
 * roll back, and tears. {@link dev.idsettle.card.testing.SimulatedCard} is the entry point.
 */
@NullMarked
package dev.idsettle.card.testing;

import org.jspecify.annotations.NullMarked;
