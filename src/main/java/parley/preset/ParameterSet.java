package parley.preset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import parley.api.ExtendedParameters;
import parley.chat.ExtendedJson;

/**
 * A named preset's content: the request parameters, the extended ones (tools, response_format, seed,
 * n, logprobs, top_logprobs, reasoning_effort, tool_choice, parallel_tool_calls, user; stored as the
 * request's JSON fields) and the system prompt. A null number means the parameter is left out of the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSet(Integer maxTokens, Double temperature, Double topP, Double frequencyPenalty,
                           Double presencePenalty, List<String> stop, boolean stream,
                           boolean includeUsage, String systemPrompt,
                           @JsonDeserialize(using = ExtendedJson.Deserializer.class) ExtendedParameters extended) {
    public ParameterSet {
        stop = stop == null ? List.of() : List.copyOf(stop);
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        extended = extended == null ? ExtendedParameters.NONE : extended;
    }

    /** A set without extended parameters. */
    public ParameterSet(Integer maxTokens, Double temperature, Double topP, Double frequencyPenalty,
                        Double presencePenalty, List<String> stop, boolean stream, boolean includeUsage,
                        String systemPrompt) {
        this(maxTokens, temperature, topP, frequencyPenalty, presencePenalty, stop, stream, includeUsage, systemPrompt,
                ExtendedParameters.NONE);
    }

    /** This set with {@code value} as its extended parameters. */
    public ParameterSet withExtended(ExtendedParameters value) {
        return new ParameterSet(maxTokens, temperature, topP, frequencyPenalty, presencePenalty, stop, stream,
                includeUsage, systemPrompt, value);
    }
}
