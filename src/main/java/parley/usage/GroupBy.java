package parley.usage;

import java.util.function.Function;

/** The ways the ledger is summed up. */
public enum GroupBy {
    MODEL(LedgerEntry::model), DAY(e -> e.day().toString()), PROVIDER(LedgerEntry::provider);

    private final Function<LedgerEntry, String> key;

    GroupBy(Function<LedgerEntry, String> key) { this.key = key; }

    public String keyOf(LedgerEntry entry) { return key.apply(entry); }

    public String label() { return name().toLowerCase(); }

    /** Parses {@code model}, {@code day} or {@code provider}; null for anything else. */
    public static GroupBy parse(String text) {
        for (GroupBy g : values()) if (g.label().equals(text)) return g;
        return null;
    }
}
