package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import parley.api.ApiError;
import parley.api.Usage;
import parley.chat.ChatEvent;

/** The {@code --json} object of {@code parley send}: what arrived, how it ended, what it used and cost. */
final class SendReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SendReport() {}

    static String json(ChatEvent.Ended end, ApiError error, BigDecimal costUsd) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("content", end.message().content());
        report.put("reasoning", end.message().reasoning());
        report.put("finish_reason", end.record().finishReason());
        report.put("usage", usage(end.record().usage()));
        report.put("truncated", end.record().result().truncated());
        report.put("error", error == null ? null : error(error));
        report.put("cost_usd", costUsd);
        report.put("ttft_ms", end.metrics().ttftMillis());
        report.put("duration_ms", end.metrics().durationMillis());
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> usage(Usage usage) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("prompt_tokens", usage.promptTokens());
        counts.put("completion_tokens", usage.completionTokens());
        counts.put("total_tokens", usage.totalTokens());
        counts.put("reasoning_tokens", usage.reasoningTokens());
        counts.put("cached_tokens", usage.cachedTokens());
        return counts;
    }

    private static Map<String, Object> error(ApiError error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", error.status() == 0 ? null : error.status());
        fields.put("type", typeOf(error));
        fields.put("message", error.message());
        fields.put("retries", error.retries());
        return fields;
    }

    /** The provider's own error type when it sent one, else the kind of failure. */
    static String typeOf(ApiError error) {
        return error.type() != null && !error.type().isBlank() ? error.type() : error.kind().name().toLowerCase();
    }

    /** One line for the terminal: the provider's message, its status and type. */
    static String describe(ApiError error) {
        StringBuilder line = new StringBuilder(error.message() == null ? "the request failed" : error.message());
        line.append(" (");
        if (error.status() != 0) {
            line.append("HTTP ").append(error.status()).append(", ");
        }
        line.append(typeOf(error)).append(')');
        if (error.retries() > 0) {
            line.append("; retried ").append(error.retries()).append(error.retries() == 1 ? " time" : " times");
        }
        return line.toString().replace('\n', ' ');
    }
}
