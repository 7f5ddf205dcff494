package dev.idsettle.sheets;

import dev.idsettle.money.Money;
import dev.idsettle.roles.SlipSerial;
import java.time.Instant;

/**
 * What a print wrote: the totals a print file's header carries. Holds no ID number.
 *
 * @param prefix the batch prefix
 * @param count how many slips
 * @param total the sum of their face values
 * @param first the first slip's serial
 * @param last the last slip's serial
 * @param pages how many pages the PDF has (or would have, for a CSV) with the printer's layout
 * @param created when the output was made, from the printer's clock
 */
public record PrintSummary(
    String prefix,
    long count,
    Money total,
    SlipSerial first,
    SlipSerial last,
    int pages,
    Instant created) {}
