package parley.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The request fields beyond the seed page's nine: reproducibility ({@code seed}), several choices
 * ({@code n}), log-probabilities, structured output, tools, the end user's id and the reasoning
 * effort. Null leaves a field out of the body. Written flat into {@link ChatRequest}'s JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtendedParameters(
        Long seed,
        Integer n,
        Boolean logprobs,
        @JsonProperty("top_logprobs") Integer topLogprobs,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        List<Tool> tools,
        @JsonProperty("tool_choice") ToolChoice toolChoice,
        @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
        String user,
        @JsonProperty("reasoning_effort") String reasoningEffort) {

    public static final ExtendedParameters NONE = new ExtendedParameters(null, null, null, null, null, null, null, null, null, null);
    public static final int MAX_TOP_LOGPROBS = 20;

    public ExtendedParameters {
        tools = tools == null || tools.isEmpty() ? null : List.copyOf(tools);
    }

    @JsonIgnore
    public boolean isEmpty() { return equals(NONE); }

    public ExtendedParameters withSeed(Long value) {
        return new ExtendedParameters(value, n, logprobs, topLogprobs, responseFormat, tools, toolChoice, parallelToolCalls, user, reasoningEffort);
    }

    public ExtendedParameters withN(Integer value) {
        return new ExtendedParameters(seed, value, logprobs, topLogprobs, responseFormat, tools, toolChoice, parallelToolCalls, user, reasoningEffort);
    }

    public ExtendedParameters withLogprobs(Boolean value, Integer top) {
        return new ExtendedParameters(seed, n, value, top, responseFormat, tools, toolChoice, parallelToolCalls, user, reasoningEffort);
    }

    public ExtendedParameters withResponseFormat(ResponseFormat value) {
        return new ExtendedParameters(seed, n, logprobs, topLogprobs, value, tools, toolChoice, parallelToolCalls, user, reasoningEffort);
    }

    public ExtendedParameters withTools(List<Tool> value, ToolChoice choice, Boolean parallel) {
        return new ExtendedParameters(seed, n, logprobs, topLogprobs, responseFormat, value, choice, parallel, user, reasoningEffort);
    }

    public ExtendedParameters withUser(String value) {
        return new ExtendedParameters(seed, n, logprobs, topLogprobs, responseFormat, tools, toolChoice, parallelToolCalls, value, reasoningEffort);
    }

    public ExtendedParameters withReasoningEffort(String value) {
        return new ExtendedParameters(seed, n, logprobs, topLogprobs, responseFormat, tools, toolChoice, parallelToolCalls, user, value);
    }
}
