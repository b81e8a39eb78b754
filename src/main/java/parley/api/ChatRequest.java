package parley.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /chat/completions}: the seed's nine parameters, the
 * {@linkplain ExtendedParameters extended ones} (tools, structured output, seed, …), {@code stream_options}
 * and free extra fields (merged last). A null optional parameter is left out of the JSON. This one object is
 * what is shown, sent, logged and turned into code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "messages", "max_tokens", "temperature", "top_p", "frequency_penalty",
        "presence_penalty", "stop", "extended", "stream", "stream_options"})
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("frequency_penalty") Double frequencyPenalty,
        @JsonProperty("presence_penalty") Double presencePenalty,
        List<String> stop,
        @JsonUnwrapped ExtendedParameters extended,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        @JsonIgnore Map<String, Object> extra) {

    public static final int DEFAULT_MAX_TOKENS = 1024;
    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final double DEFAULT_TOP_P = 1.0;
    public static final double DEFAULT_PENALTY = 0.0;
    public static final int MAX_STOP_SEQUENCES = 4;

    public ChatRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null || stop.isEmpty() ? null : List.copyOf(stop);
        extended = extended == null ? ExtendedParameters.NONE : extended;
        // insertion order kept: the body shown, sent and turned into code lists the fields alike every time
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** A request with the seed page's parameters only. */
    public ChatRequest(String model, List<ChatMessage> messages, Integer maxTokens, Double temperature, Double topP,
                       Double frequencyPenalty, Double presencePenalty, List<String> stop, Boolean stream,
                       StreamOptions streamOptions, Map<String, Object> extra) {
        this(model, messages, maxTokens, temperature, topP, frequencyPenalty, presencePenalty, stop,
                ExtendedParameters.NONE, stream, streamOptions, extra);
    }

    /** The seed's example: the model, one user message, max_tokens 1024 and temperature 0.7. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE,
                null, null, null, null, null, null, null);
    }

    /** Extra provider-specific fields, written at the top level of the JSON body. */
    @JsonAnyGetter
    public Map<String, Object> extraFields() { return extra; }

    public boolean streaming() { return Boolean.TRUE.equals(stream); }

    public ChatRequest withModel(String value) {
        return new ChatRequest(value, messages, maxTokens, temperature, topP, frequencyPenalty,
                presencePenalty, stop, extended, stream, streamOptions, extra);
    }

    public ChatRequest withStream(Boolean value, StreamOptions options) {
        return new ChatRequest(model, messages, maxTokens, temperature, topP, frequencyPenalty,
                presencePenalty, stop, extended, value, options, extra);
    }

    public ChatRequest withExtended(ExtendedParameters value) {
        return new ChatRequest(model, messages, maxTokens, temperature, topP, frequencyPenalty,
                presencePenalty, stop, value, stream, streamOptions, extra);
    }

    public ChatRequest withMessages(List<ChatMessage> value) {
        return new ChatRequest(model, value, maxTokens, temperature, topP, frequencyPenalty,
                presencePenalty, stop, extended, stream, streamOptions, extra);
    }

    public ChatRequest withExtra(Map<String, Object> value) {
        return new ChatRequest(model, messages, maxTokens, temperature, topP, frequencyPenalty,
                presencePenalty, stop, extended, stream, streamOptions, value);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
        public static final StreamOptions INCLUDE_USAGE = new StreamOptions(true);
    }
}
