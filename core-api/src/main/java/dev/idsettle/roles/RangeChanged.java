package dev.idsettle.roles;

/**
 * What locking or voiding a serial range did.
 *
 * @param changed how many slips this call changed
 * @param unchanged how many slips of the range it left as they were (already in that state, or in a
 *     state it cannot leave for it)
 */
public record RangeChanged(int changed, int unchanged) {}
