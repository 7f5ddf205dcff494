/**
 * The messages between the roles: versioned records with a stable JSON form, documented with an
 * example of each in {@code docs/MESSAGES.md}. {@link dev.idsettle.http.message.Messages} reads and
 * writes them; a request that cannot be read is a {@link
 * dev.idsettle.http.message.MalformedMessageException} naming the field.
 */
@NullMarked
package dev.idsettle.http.message;

import org.jspecify.annotations.NullMarked;
