package parley.usage;

import java.util.Collection;

/** The sum of some ledger rows: how many requests, their tokens and their cost. */
public record UsageTotal(String key, int requests, TokenCounts tokens, Cost cost) {
    public static UsageTotal empty(String key) { return new UsageTotal(key, 0, TokenCounts.ZERO, Cost.NONE); }

    public static UsageTotal of(String key, Collection<LedgerEntry> entries) {
        UsageTotal total = empty(key);
        for (LedgerEntry e : entries) total = total.plus(e);
        return total;
    }

    /** This total and {@code other} summed, under this key. */
    public UsageTotal plus(UsageTotal other) {
        return new UsageTotal(key, requests + other.requests, tokens.plus(other.tokens), cost.plus(other.cost));
    }

    public UsageTotal plus(LedgerEntry e) {
        return new UsageTotal(key, requests + 1, tokens.plus(e.tokens()), cost.plus(e.cost()));
    }
}
