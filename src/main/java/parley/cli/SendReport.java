package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ApiError;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.TokenLogprob;
import parley.api.ToolCall;
import parley.api.Usage;
import parley.chat.ChatEvent;

/**
 * The {@code --json} object of {@code parley send}: what arrived, how it ended, what it used and cost,
 * and the tool calls, choices and log-probabilities ({@code null} when not asked for or not sent;
 * the top-level ones are the first choice's).
 */
final class SendReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SendReport() {}

    /**
     * {@code whole}: the backend's own result with every choice (null when the request never ran);
     * {@code toolMillis}: the time spent running tools ({@code --allow-tools}), else null.
     */
    static String json(ChatEvent.Ended end, ApiError error, BigDecimal costUsd, ChatResult whole, Long toolMillis) {
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
        report.put("tool_ms", toolMillis);
        List<Choice> choices = whole == null ? List.of() : whole.choices();
        Choice first = choices.isEmpty() ? null : choices.getFirst();
        report.put("tool_calls", first == null ? null : toolCalls(first.toolCalls()));
        report.put("choices", choices.isEmpty() || !askedForChoices(end.record().request()) ? null
                : choices.stream().map(SendReport::choice).toList());
        report.put("logprobs", first == null ? null : logprobs(first.logprobs()));
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean askedForChoices(ChatRequest request) {
        return request != null && request.extended().n() != null;
    }

    private static Map<String, Object> choice(Choice choice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("content", choice.content());
        fields.put("reasoning", choice.reasoning());
        fields.put("finish_reason", choice.finishReason());
        fields.put("tool_calls", toolCalls(choice.toolCalls()));
        fields.put("logprobs", logprobs(choice.logprobs()));
        return fields;
    }

    /** {@code [{id, name, arguments}]}, the arguments as the raw string; null when none came. */
    private static List<Map<String, Object>> toolCalls(List<ToolCall> calls) {
        if (calls.isEmpty()) {
            return null;
        }
        return calls.stream().map(call -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", call.id());
            fields.put("name", call.name());
            fields.put("arguments", call.arguments());
            return fields;
        }).toList();
    }

    /** {@code [{token, logprob, top: [{token, logprob}]}]}; null when none came. An unknown logprob is null. */
    private static List<Map<String, Object>> logprobs(List<TokenLogprob> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        return tokens.stream().map(token -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("token", token.token());
            fields.put("logprob", number(token.logprob()));
            fields.put("top", token.topLogprobs().stream().map(top -> {
                Map<String, Object> alternative = new LinkedHashMap<>();
                alternative.put("token", top.token());
                alternative.put("logprob", number(top.logprob()));
                return alternative;
            }).toList());
            return fields;
        }).toList();
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static Map<String, Object> usage(Usage usage) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("prompt_tokens", usage.promptTokens());
        counts.put("completion_tokens", usage.completionTokens());
        counts.put("total_tokens", usage.totalTokens());
        counts.put("reasoning_tokens", usage.reasoningTokens());
        counts.put("cached_tokens", usage.cachedTokens());
        return counts;
    }

    static Map<String, Object> error(ApiError error) {
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
