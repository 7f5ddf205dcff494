/**
 * The one-time print output of a batch of slips: {@link dev.idsettle.sheets.SlipPrinter} turns the
 * slips that {@code Slips.issue} hands out (the only time their ID numbers exist in full) into a
 * printable PDF of sheets and a CSV print file for a card printer, streamed page by page so that a
 * batch of a million slips is never held whole by the printer.
 *
 * <p>The full ID numbers appear in the PDF and the CSV and nowhere else: not in an exception
 * message, a log line or a {@code toString} of this package.
 */
@NullMarked
package dev.idsettle.sheets;

import org.jspecify.annotations.NullMarked;
