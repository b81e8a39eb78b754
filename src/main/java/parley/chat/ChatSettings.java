package parley.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ExtendedParameters;

/**
 * Everything that shapes the next request besides the conversation: where it goes
 * ({@code providerId}, and {@code baseUrl} for a custom server, else null), the model, the system
 * prompt, every parameter (null = left out of the request), the extended ones (tools, structured
 * output, seed, …) and the extra JSON fields.
 * {@code includeUsage} asks for {@code stream_options.include_usage} and only applies when streaming.
 */
public record ChatSettings(String providerId, String baseUrl, String model, String systemPrompt,
                           Integer maxTokens, Double temperature, Double topP,
                           Double frequencyPenalty, Double presencePenalty, List<String> stop,
                           Boolean stream, boolean includeUsage, Map<String, Object> extra,
                           ExtendedParameters extended) {
    public static final String DEFAULT_PROVIDER = "atlascloud";
    public static final String DEFAULT_MODEL = "deepseek-ai/deepseek-v3.2-speciale";

    public ChatSettings {
        stop = stop == null ? List.of() : List.copyOf(stop);
        extra = extra == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extra));
        extended = extended == null ? ExtendedParameters.NONE : extended;
    }

    /** Settings with the seed page's parameters only. */
    public ChatSettings(String providerId, String baseUrl, String model, String systemPrompt, Integer maxTokens,
                        Double temperature, Double topP, Double frequencyPenalty, Double presencePenalty,
                        List<String> stop, Boolean stream, boolean includeUsage, Map<String, Object> extra) {
        this(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP, frequencyPenalty, presencePenalty,
                stop, stream, includeUsage, extra, ExtendedParameters.NONE);
    }

    /** The seed's defaults (max_tokens 1024, temperature 0.7) on Atlas Cloud, streaming with usage. */
    public static ChatSettings defaults() {
        return new ChatSettings(DEFAULT_PROVIDER, null, DEFAULT_MODEL, null,
                ChatRequest.DEFAULT_MAX_TOKENS, ChatRequest.DEFAULT_TEMPERATURE, null, null, null,
                List.of(), true, true, Map.of());
    }

    /** The request these settings make with the given messages (system prompt first, when set). */
    public ChatRequest toRequest(List<ChatMessage> history) {
        List<ChatMessage> messages = new ArrayList<>();
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            messages.add(ChatMessage.system(systemPrompt));
        }
        messages.addAll(history);
        boolean streaming = Boolean.TRUE.equals(stream);
        ChatRequest.StreamOptions options = streaming && includeUsage ? ChatRequest.StreamOptions.INCLUDE_USAGE : null;
        return new ChatRequest(model, messages, maxTokens, temperature, topP, frequencyPenalty,
                presencePenalty, stop.isEmpty() ? null : stop, extended, stream, options, extra);
    }

    public ChatSettings withProvider(String newProviderId, String newBaseUrl) {
        return new ChatSettings(newProviderId, newBaseUrl, model, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withModel(String newModel) {
        return new ChatSettings(providerId, baseUrl, newModel, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withSystemPrompt(String newSystemPrompt) {
        return new ChatSettings(providerId, baseUrl, model, newSystemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withMaxTokens(Integer value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, value, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withTemperature(Double value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, value, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withTopP(Double value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, value,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withFrequencyPenalty(Double value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP,
                value, presencePenalty, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withPresencePenalty(Double value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, value, stop, stream, includeUsage, extra, extended);
    }

    public ChatSettings withStop(List<String> value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, value, stream, includeUsage, extra, extended);
    }

    public ChatSettings withStream(Boolean value, boolean withUsage) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, value, withUsage, extra, extended);
    }

    public ChatSettings withExtra(Map<String, Object> value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, value, extended);
    }

    public ChatSettings withExtended(ExtendedParameters value) {
        return new ChatSettings(providerId, baseUrl, model, systemPrompt, maxTokens, temperature, topP,
                frequencyPenalty, presencePenalty, stop, stream, includeUsage, extra, value);
    }
}
