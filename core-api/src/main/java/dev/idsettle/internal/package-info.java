/**
 * Not API: helpers shared by idsettle's own modules (keyed hashing of ID numbers, the names of
 * operator accounts, argument checks). Public only so that those modules can reach them; they
 * change without notice. Use {@code dev.idsettle.roles.IdSettle} instead.
 */
@NullMarked
package dev.idsettle.internal;

import org.jspecify.annotations.NullMarked;
