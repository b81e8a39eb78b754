package parley.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;

/**
 * Puts every finished request on the ledger with its tokens and cost, and answers what a request
 * about to be sent may cost and what has been spent. Counts the provider did not report are
 * estimated and marked so.
 */
public final class UsageTracker {
    private final UsageLedger ledger;
    private final PriceBook prices;
    private final TokenEstimator estimator;
    private final Clock clock;
    private final List<Consumer<LedgerEntry>> listeners = new CopyOnWriteArrayList<>();

    public UsageTracker(UsageLedger ledger, PriceBook prices, TokenEstimator estimator, Clock clock) {
        this.ledger = ledger;
        this.prices = prices;
        this.estimator = estimator;
        this.clock = clock;
    }

    public UsageLedger ledger() { return ledger; }

    /** Told about every row written, on the thread that wrote it. Returns the action that stops it. */
    public Runnable addListener(Consumer<LedgerEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public PriceBook prices() { return prices; }

    /** Writes the request to the ledger, however it ended, and returns the row written. */
    public LedgerEntry record(RequestOrigin origin, ChatRequest request, ChatResult result) {
        TokenCounts tokens = tokens(request, result);
        Cost cost = cost(origin, request.model(), tokens);
        Instant now = clock.instant();
        Long ttft = result.ttftMillis() >= 0 && (notEmpty(result.content()) || notEmpty(result.reasoning()))
                ? result.ttftMillis() : null;
        LedgerEntry entry = new LedgerEntry(0, now, LocalDate.ofInstant(now, clock.getZone()), origin.provider(),
                request.model(), tokens, cost.amountOrNull(), ttft, Math.max(0, result.durationMillis()),
                Outcome.of(result), origin.conversationId(), origin.messageId(), origin.origin());
        LedgerEntry stored = ledger.append(entry);
        listeners.forEach(l -> l.accept(stored));
        return stored;
    }

    /** The cost of these tokens at this model's price. */
    public Cost cost(RequestOrigin origin, String model, TokenCounts tokens) {
        Optional<Price> price = prices.priceFor(origin.provider(), origin.baseUrl(), model);
        return CostRule.cost(price.orElse(null), tokens);
    }

    /** The prompt tokens of the request and its cost from the prompt alone up to a full max_tokens reply. */
    public SendEstimate estimate(RequestOrigin origin, ChatRequest request) {
        long prompt = estimator.countPrompt(request.messages());
        int maxTokens = request.maxTokens() != null ? request.maxTokens() : ChatRequest.DEFAULT_MAX_TOKENS;
        Cost low = cost(origin, request.model(), new TokenCounts(prompt, 0, 0, 0, true));
        Cost high = cost(origin, request.model(), new TokenCounts(prompt, maxTokens, 0, 0, true));
        return new SendEstimate(prompt, maxTokens, low, high);
    }

    public Cost spent(UsageFilter filter) {
        return ledger.total("", filter).cost();
    }

    public Cost spentToday() { return spent(UsageFilter.day(LocalDate.now(clock))); }

    public Cost spentThisMonth() {
        return spent(UsageFilter.since(YearMonth.now(clock).atDay(1)));
    }

    /** The budget's verdict on sending this request now. */
    public BudgetCheck checkBudget(BudgetSettings settings, RequestOrigin origin, ChatRequest request) {
        if (!settings.any()) return BudgetCheck.OK;
        return Budget.beforeSend(settings, spentToday(), spentThisMonth(), estimate(origin, request).high());
    }

    /**
     * The reported counts where the provider sent them, the rest counted from the request and the text
     * that arrived. A request that failed before anything arrived used no tokens.
     */
    TokenCounts tokens(ChatRequest request, ChatResult result) {
        TokenCounts reported = TokenCounts.reported(result.usage());
        if (reported != null) return reported;
        Usage usage = result.usage() == null ? Usage.NONE : result.usage();
        boolean nothingArrived = !notEmpty(result.content()) && !notEmpty(result.reasoning());
        if (result.error() != null && !result.stopped() && nothingArrived && usage.promptTokens() == null) {
            return TokenCounts.ZERO;
        }
        long reasoning = usage.reasoningTokens() != null ? usage.reasoningTokens() : estimator.count(result.reasoning());
        long prompt = usage.promptTokens() != null ? usage.promptTokens() : estimator.countPrompt(request.messages());
        long completion = usage.completionTokens() != null ? usage.completionTokens()
                : estimator.count(result.content()) + reasoning;
        long cached = usage.cachedTokens() != null ? usage.cachedTokens() : 0;
        return new TokenCounts(prompt, completion, reasoning, cached, true);
    }

    private static boolean notEmpty(String s) { return s != null && !s.isEmpty(); }
}
