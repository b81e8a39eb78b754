package parley.chat;

import java.time.Instant;
import parley.api.ApiError;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;

/**
 * One finished request, as its observers (the usage ledger) see it: where it went ({@code baseUrl}
 * names a custom server and is null for a built-in provider), what was sent, the result (all that
 * arrived, usage, how it ended), and its timings. {@code usage} is Usage.NONE when the provider reported none.
 */
public record ExchangeRecord(String conversationId, String messageId, String providerId, String baseUrl,
                             String model, ChatRequest request, ChatResult result, Usage usage,
                             String finishReason, Outcome outcome, ApiError error, Metrics metrics,
                             Instant startedAt) {}
