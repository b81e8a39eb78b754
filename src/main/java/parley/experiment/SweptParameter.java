package parley.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import parley.chat.ChatSettings;

/**
 * The request parameters an experiment may sweep, by the API's name: what kind of value each takes
 * and how a value (or {@link ParamValue#OMIT}, as null) is put into the settings of a cell.
 */
public enum SweptParameter {
    MAX_TOKENS("max_tokens", Kind.INTEGER, (s, v) -> s.withMaxTokens(v == null ? null : ((Number) v).intValue())),
    TEMPERATURE("temperature", Kind.DECIMAL, (s, v) -> s.withTemperature(decimal(v))),
    TOP_P("top_p", Kind.DECIMAL, (s, v) -> s.withTopP(decimal(v))),
    FREQUENCY_PENALTY("frequency_penalty", Kind.DECIMAL, (s, v) -> s.withFrequencyPenalty(decimal(v))),
    PRESENCE_PENALTY("presence_penalty", Kind.DECIMAL, (s, v) -> s.withPresencePenalty(decimal(v))),
    SEED("seed", Kind.INTEGER, (s, v) -> s.withExtended(s.extended().withSeed(v == null ? null : ((Number) v).longValue()))),
    N("n", Kind.INTEGER, (s, v) -> s.withExtended(s.extended().withN(v == null ? null : ((Number) v).intValue()))),
    TOP_LOGPROBS("top_logprobs", Kind.INTEGER, (s, v) -> s.withExtended(s.extended()
            .withLogprobs(s.extended().logprobs(), v == null ? null : ((Number) v).intValue()))),
    LOGPROBS("logprobs", Kind.BOOLEAN, (s, v) -> s.withExtended(s.extended()
            .withLogprobs((Boolean) v, s.extended().topLogprobs()))),
    REASONING_EFFORT("reasoning_effort", Kind.TEXT, (s, v) -> s.withExtended(s.extended().withReasoningEffort((String) v)));

    /** What values a parameter takes; only numbers may be given as a range. */
    public enum Kind { INTEGER, DECIMAL, BOOLEAN, TEXT }

    private final String apiName;
    private final Kind kind;
    private final BiFunction<ChatSettings, Object, ChatSettings> apply;

    SweptParameter(String apiName, Kind kind, BiFunction<ChatSettings, Object, ChatSettings> apply) {
        this.apiName = apiName;
        this.kind = kind;
        this.apply = apply;
    }

    public String apiName() { return apiName; }

    public Kind kind() { return kind; }

    /** The settings with this parameter set to {@code value}; an omitted value leaves it out. */
    public ChatSettings applyTo(ChatSettings settings, ParamValue value) {
        return apply.apply(settings, value.value());
    }

    public static Optional<SweptParameter> named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.apiName.equals(wanted)).findFirst();
    }

    /** Every name, as messages list them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(SweptParameter::apiName).toList();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
