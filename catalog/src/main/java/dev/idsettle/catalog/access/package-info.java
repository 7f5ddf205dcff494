/**
 * The access-number directory (claims 4, 7 and 9): one page, at one URL common to every ID, where
 * the user picks the region they are in and reads its access (dial-in) numbers and notes. The
 * directory is data the operator edits, a JSON file read by {@link
 * dev.idsettle.catalog.access.AccessDirectory#load}; a malformed file is refused with a {@link
 * dev.idsettle.catalog.access.DirectoryFileException} naming the file, the line and the field.
 */
@NullMarked
package dev.idsettle.catalog.access;

import org.jspecify.annotations.NullMarked;
