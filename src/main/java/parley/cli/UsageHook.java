package parley.cli;

import java.math.BigDecimal;
import parley.api.ChatRequest;
import parley.chat.ExchangeRecord;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.Cost;
import parley.usage.RequestOrigin;

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

    /** The budgets' verdict on sending this request; what the admission holds is given back when it is closed. */
    default Admission admit(RequestOrigin origin, ChatRequest request) {
        return Admission.of(BudgetCheck.OK);
    }

    /** The team budget's verdict on work costing up to {@code upper}, held until the admission is closed. */
    default Admission admitTeam(Cost upper) {
        return Admission.of(BudgetCheck.OK);
    }

    /** Records nothing and knows no price. */
    UsageHook NONE = record -> null;
}
