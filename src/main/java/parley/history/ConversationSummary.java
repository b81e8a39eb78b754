package parley.history;

import java.time.Instant;

/** One line of the history list: where the conversation was held, when, and how many messages it has. */
public record ConversationSummary(String id, String title, String provider, String model, Instant createdAt,
                                  Instant updatedAt, int messageCount) {}
