package parley.capability;

import java.util.List;

/**
 * The names the capability table knows: the API's own parameter names, and the two kinds of JSON
 * output as {@code response_format.json_object} and {@code response_format.json_schema}.
 */
public final class Parameters {
    public static final String MAX_TOKENS = "max_tokens";
    public static final String TEMPERATURE = "temperature";
    public static final String TOP_P = "top_p";
    public static final String FREQUENCY_PENALTY = "frequency_penalty";
    public static final String PRESENCE_PENALTY = "presence_penalty";
    public static final String STOP = "stop";
    public static final String STREAM = "stream";
    public static final String STREAM_OPTIONS = "stream_options";
    public static final String SEED = "seed";
    public static final String N = "n";
    public static final String LOGPROBS = "logprobs";
    public static final String TOP_LOGPROBS = "top_logprobs";
    public static final String RESPONSE_FORMAT = "response_format";
    public static final String JSON_OBJECT = "response_format.json_object";
    public static final String JSON_SCHEMA = "response_format.json_schema";
    public static final String TOOLS = "tools";
    public static final String TOOL_CHOICE = "tool_choice";
    public static final String PARALLEL_TOOL_CALLS = "parallel_tool_calls";
    public static final String USER = "user";
    public static final String REASONING_EFFORT = "reasoning_effort";

    /** Every optional parameter a row may name; {@code model} and {@code messages} are always sent. */
    public static final List<String> ALL = List.of(MAX_TOKENS, TEMPERATURE, TOP_P, FREQUENCY_PENALTY,
            PRESENCE_PENALTY, STOP, STREAM, STREAM_OPTIONS, SEED, N, LOGPROBS, TOP_LOGPROBS, RESPONSE_FORMAT,
            JSON_OBJECT, JSON_SCHEMA, TOOLS, TOOL_CHOICE, PARALLEL_TOOL_CALLS, USER, REASONING_EFFORT);

    private Parameters() {}

    public static boolean known(String name) {
        return ALL.contains(name);
    }
}
