/**
 * Metered sessions over the ledger: a rating of used units, and the reserve, update and settle
 * engine (RFC 4006 shaped) that serves any metered service.
 */
@NullMarked
package dev.idsettle.metering;

import org.jspecify.annotations.NullMarked;
