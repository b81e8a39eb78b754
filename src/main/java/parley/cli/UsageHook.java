package parley.cli;

import java.math.BigDecimal;
import parley.chat.ExchangeRecord;

/**
 * Told about every request the command line finishes (to write it to the usage ledger); answers
 * its cost in US dollars, or null when the price is unknown.
 */
@FunctionalInterface
public interface UsageHook {
    BigDecimal recorded(ExchangeRecord record);

    /** Records nothing and knows no price. */
    UsageHook NONE = record -> null;
}
