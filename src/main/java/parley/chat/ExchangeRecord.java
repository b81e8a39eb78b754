package parley.chat;

import java.time.Instant;
import parley.api.ApiError;
import parley.api.ChatRequest;
import parley.api.Usage;

/**
 * One finished request, as its observers (the usage ledger) see it: where it went, what was sent,
 * the usage the provider reported (Usage.NONE when none), how it ended and its timings.
 */
public record ExchangeRecord(String conversationId, String messageId, String providerId, String baseUrl,
                             String model, ChatRequest request, Usage usage, String finishReason,
                             Outcome outcome, ApiError error, Metrics metrics, Instant startedAt) {}
