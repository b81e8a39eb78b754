package parley.capability;

import parley.api.ChatRequest;
import parley.api.ExtendedParameters;

/**
 * A request with parameters left out. Leaving out a parameter also leaves out those that only make
 * sense with it: {@code tools} takes {@code tool_choice} and {@code parallel_tool_calls} along,
 * {@code logprobs} takes {@code top_logprobs}, {@code stream} takes {@code stream_options}. Pure.
 */
public final class RequestWithout {
    private RequestWithout() {}

    /** {@code request} without {@code parameter} ({@link Parameters}); unchanged when it does not carry it. */
    public static ChatRequest without(ChatRequest request, String parameter) {
        ExtendedParameters x = request.extended();
        return switch (parameter) {
            case Parameters.MAX_TOKENS -> copy(request, null, request.temperature(), request.topP(),
                    request.frequencyPenalty(), request.presencePenalty(), request.stop());
            case Parameters.TEMPERATURE -> copy(request, request.maxTokens(), null, request.topP(),
                    request.frequencyPenalty(), request.presencePenalty(), request.stop());
            case Parameters.TOP_P -> copy(request, request.maxTokens(), request.temperature(), null,
                    request.frequencyPenalty(), request.presencePenalty(), request.stop());
            case Parameters.FREQUENCY_PENALTY -> copy(request, request.maxTokens(), request.temperature(),
                    request.topP(), null, request.presencePenalty(), request.stop());
            case Parameters.PRESENCE_PENALTY -> copy(request, request.maxTokens(), request.temperature(),
                    request.topP(), request.frequencyPenalty(), null, request.stop());
            case Parameters.STOP -> copy(request, request.maxTokens(), request.temperature(), request.topP(),
                    request.frequencyPenalty(), request.presencePenalty(), null);
            case Parameters.STREAM -> request.withStream(null, null);
            case Parameters.STREAM_OPTIONS -> request.withStream(request.stream(), null);
            case Parameters.SEED -> request.withExtended(x.withSeed(null));
            case Parameters.N -> request.withExtended(x.withN(null));
            case Parameters.LOGPROBS -> request.withExtended(x.withLogprobs(null, null));
            case Parameters.TOP_LOGPROBS -> request.withExtended(x.withLogprobs(x.logprobs(), null));
            case Parameters.RESPONSE_FORMAT -> request.withExtended(x.withResponseFormat(null));
            case Parameters.JSON_OBJECT, Parameters.JSON_SCHEMA -> withoutFormat(request, parameter);
            case Parameters.TOOLS -> request.withExtended(x.withTools(null, null, null));
            case Parameters.TOOL_CHOICE -> request.withExtended(x.withTools(x.tools(), null, x.parallelToolCalls()));
            case Parameters.PARALLEL_TOOL_CALLS -> request.withExtended(x.withTools(x.tools(), x.toolChoice(), null));
            case Parameters.USER -> request.withExtended(x.withUser(null));
            case Parameters.REASONING_EFFORT -> request.withExtended(x.withReasoningEffort(null));
            default -> request;
        };
    }

    /** {@code request} without every parameter {@code capabilities} says is refused. */
    public static ChatRequest withoutRefused(ChatRequest request, ModelCapabilities capabilities) {
        ChatRequest result = request;
        for (String parameter : Parameters.ALL) {
            if (capabilities.status(parameter).refused()) {
                result = without(result, parameter);
            }
        }
        return result;
    }

    private static ChatRequest withoutFormat(ChatRequest request, String parameter) {
        var format = request.extended().responseFormat();
        boolean named = format != null && parameter.equals(Parameters.RESPONSE_FORMAT + "." + format.type());
        return named ? request.withExtended(request.extended().withResponseFormat(null)) : request;
    }

    private static ChatRequest copy(ChatRequest r, Integer maxTokens, Double temperature, Double topP,
                                    Double frequency, Double presence, java.util.List<String> stop) {
        return new ChatRequest(r.model(), r.messages(), maxTokens, temperature, topP, frequency, presence, stop,
                r.extended(), r.stream(), r.streamOptions(), r.extra());
    }
}
