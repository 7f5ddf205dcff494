package dev.idsettle.roles;

/**
 * The outcome of {@link Holders#link} or {@link Holders#merge}: linked, merged, denied, unknown, or
 * unavailable (nothing committed).
 */
public sealed interface HolderResult permits Linked, Merged, Denial, Unknown, Unavailable {}
