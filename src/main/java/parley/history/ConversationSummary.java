package parley.history;

import java.time.Instant;

/** One line of the history list. */
public record ConversationSummary(String id, String title, Instant updatedAt, int messageCount) {}
