package parley.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One request on the ledger. {@code day} is the local calendar day it ended on; {@code costUsd} is
 * null when the price was unknown; {@code ttftMillis} is null when no token arrived; {@code messageId} is
 * the reply's message in the window (null for the CLI); {@code origin} is where it was sent from ({@code window}, {@code cli} or {@code experiment}); {@code id} is 0 until it is stored.
 */
public record LedgerEntry(long id, Instant at, LocalDate day, String provider, String model,
                          TokenCounts tokens, BigDecimal costUsd, Long ttftMillis, long durationMillis,
                          Outcome outcome, String conversationId, String messageId,
                          String origin) {
    public static final String WINDOW = "window";
    public static final String CLI = "cli";
    /** A cell (or a judge's verdict) of an experiment, from the window or {@code parley sweep}. */
    public static final String EXPERIMENT = "experiment";

    public Cost cost() { return Cost.fromNullable(costUsd, tokens.estimated()); }

    LedgerEntry withId(long value) {
        return new LedgerEntry(value, at, day, provider, model, tokens, costUsd, ttftMillis,
                durationMillis, outcome, conversationId, messageId, origin);
    }
}
