package parley.experiment;

import java.util.List;
import parley.usage.LedgerEntry;
import parley.usage.Outcome;
import parley.usage.Cost;
import parley.usage.RequestOrigin;
import parley.usage.TokenCounts;
import parley.usage.UsageFilter;
import parley.usage.UsageTracker;

/** What an estimate needs of the price book and the ledger. */
public interface Pricing {
    /** The cost of these tokens at the model's price (unknown when the price is). */
    Cost cost(Target target, TokenCounts tokens);

    /** How long the model's replies usually are, in completion tokens; null when it cannot be told. */
    default Integer typicalReply(Target target) { return null; }

    /** Prices from the tracker's price book; typical replies from the ledger (see {@link #median}). */
    static Pricing over(UsageTracker tracker) {
        return new Pricing() {
            @Override
            public Cost cost(Target target, TokenCounts tokens) {
                return tracker.cost(RequestOrigin.experiment(target.provider(), target.baseUrl()), target.model(), tokens);
            }

            @Override
            public Integer typicalReply(Target target) {
                return median(tracker.ledger().entries(UsageFilter.ALL.withProvider(target.provider())
                        .withModel(target.model())));
            }
        };
    }

    /** Replies needed before the ledger's figure is trusted over the default. */
    int MIN_SAMPLES = 3;
    /** The latest replies the median is taken over. */
    int SAMPLES = 50;

    /**
     * The median completion tokens of the latest {@link #SAMPLES} answered requests of these entries
     * (in ledger order); null with fewer than {@link #MIN_SAMPLES}.
     */
    static Integer median(List<LedgerEntry> entries) {
        List<Long> completions = entries.stream().filter(e -> e.outcome() == Outcome.OK && e.tokens().completion() > 0)
                .map(e -> e.tokens().completion()).toList();
        if (completions.size() < MIN_SAMPLES) {
            return null;
        }
        List<Long> latest = completions.subList(Math.max(0, completions.size() - SAMPLES), completions.size())
                .stream().sorted().toList();
        return (int) (long) latest.get(latest.size() / 2);
    }
}
