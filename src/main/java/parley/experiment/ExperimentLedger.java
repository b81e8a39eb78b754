package parley.experiment;

import java.math.BigDecimal;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.usage.RequestOrigin;
import parley.usage.UsageTracker;

/**
 * Told about every request an experiment finishes, its cells' and its judge's (to write them to the
 * usage ledger with origin {@code experiment}); answers the request's cost in US dollars, or null when
 * the price is unknown. Called on the runner's threads, several at once.
 */
@FunctionalInterface
public interface ExperimentLedger {
    BigDecimal recorded(Target target, ChatRequest request, ChatResult result);

    /** Records nothing and knows no price. */
    ExperimentLedger NONE = (target, request, result) -> null;

    /** Writes each request to this tracker's ledger and answers the cost it put there. */
    static ExperimentLedger over(UsageTracker tracker) {
        return (target, request, result) -> tracker.record(
                RequestOrigin.experiment(target.provider(), target.baseUrl()), request, result).costUsd();
    }
}
