package parley.chat;

import java.time.Instant;
import parley.api.ApiError;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;

/**
 * One finished request, as its observers (the usage ledger) see it: where it went ({@code local}:
 * a server on this computer), what was sent, the result (all that arrived, usage, how it ended),
 * and its timings. {@code usage} is Usage.NONE when the provider reported none.
 */
public record ExchangeRecord(String conversationId, String messageId, String providerId, String baseUrl,
                             boolean local, String model, ChatRequest request, ChatResult result, Usage usage,
                             String finishReason, Outcome outcome, ApiError error, Metrics metrics,
                             Instant startedAt) {}
