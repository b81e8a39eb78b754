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

    /** Like {@link #recorded(ExchangeRecord)}, for a request from elsewhere than {@code send} ({@code LedgerEntry.EXPERIMENT}). */
    default BigDecimal recorded(ExchangeRecord record, String origin) {
        return recorded(record);
    }

    /** A hold on what the hook writes to, released by {@link #close()}. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Keeps what the hook writes to open across many requests until the hold is closed; by default there is nothing to keep. */
    default Held hold() {
        return () -> { };
    }

    /** Records nothing and knows no price. */
    UsageHook NONE = record -> null;
}
