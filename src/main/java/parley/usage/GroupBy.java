package parley.usage;

import java.util.function.Function;

/**
 * The ways the ledger is summed up. {@link #MEMBER} reads the member on a team's rows; the personal
 * ledger is one member's, so by member it is one group under that member's name.
 */
public enum GroupBy {
    MODEL(LedgerEntry::model), DAY(e -> e.day().toString()), PROVIDER(LedgerEntry::provider), MEMBER(e -> GroupBy.ME);

    /** The key of the personal ledger's one group by member when this data folder has no member name. */
    public static final String ME = "me";

    private final Function<LedgerEntry, String> key;

    GroupBy(Function<LedgerEntry, String> key) { this.key = key; }

    public String keyOf(LedgerEntry entry) { return key.apply(entry); }

    public String label() { return name().toLowerCase(); }

    /** Parses {@code model}, {@code day}, {@code provider} or {@code member}; null for anything else. */
    public static GroupBy parse(String text) {
        for (GroupBy g : values()) if (g.label().equals(text)) return g;
        return null;
    }
}
