/**
 * The root of idsettle, and its error model, written down once here.
 *
 * <h2>Outcomes are values</h2>
 *
 * Every role call ({@code SettlementTerminal.activate}, {@code reverse}, {@code
 * SettlementAuthenticator.authorize}) returns a sealed result and never throws for a business
 * outcome:
 *
 * <ul>
 *   <li>the success ({@code Activated}, {@code Reversed}, {@code Permit});
 *   <li>{@code Denial}: refused with a typed {@code DenialReason} (unknown ID, balance too low,
 *       ...), nothing changed; {@code Denial.replayed()} says the reference was refused before;
 *   <li>{@code Unknown}: the store failed and may have committed: retry with the same reference to
 *       learn the outcome, or reverse;
 *   <li>{@code Unavailable}: the store failed and committed nothing: retry.
 * </ul>
 *
 * <h2>Misuse is an exception</h2>
 *
 * Bad input and bad settings throw an unchecked subclass of {@link dev.idsettle.IdSettleException}
 * before anything changes, with a message that names the field and what was wrong:
 *
 * <ul>
 *   <li>{@link dev.idsettle.InvalidRequestException}: an argument of a method or of a value's
 *       constructor (null, out of range, malformed); its subclasses {@code MalformedIdException}
 *       (an ID number that does not parse) and {@code MoneyException} (an unknown currency code, an
 *       overflow, mixed currencies) say more;
 *   <li>{@link dev.idsettle.InvalidConfigurationException}: a builder setting, thrown by the setter
 *       or by {@code build()};
 *   <li>{@code dev.idsettle.spi.StoreException}: a store failed, for a caller of the ledger itself
 *       (the roles turn it into {@code Unknown} or {@code Unavailable}).
 * </ul>
 *
 * No public constructor, builder or role method lets a plain {@code NullPointerException}, {@code
 * IllegalArgumentException} or {@code IllegalStateException} escape for bad input; an {@code
 * IllegalStateException} from inside the library is a bug. Messages are safe to log: a full ID
 * number never appears in one, and quoted request strings are escaped and shortened.
 */
@NullMarked
package dev.idsettle;

import org.jspecify.annotations.NullMarked;
