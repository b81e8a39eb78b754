package parley.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ApiError;
import parley.api.ChatRequest;
import parley.chat.ChatSettings;
import parley.history.RequestParameters;

/**
 * The JSON of experiments, for the database and for export files: snake_case names, ISO-8601 times,
 * null fields left out. A check is written with its kind as {@code "type"} ({@code contains},
 * {@code not_contains}, {@code matches}, {@code valid_json}, {@code matches_schema},
 * {@code max_tokens}, {@code judge}); a parameter value as the bare number, text or boolean it is
 * sent as, and a left-out value as {@code null} (kept in lists and maps, where it means "omit"); the
 * base settings as where the request goes, the system prompt and the request's parameters as sent.
 */
public final class ExperimentJson {
    /** Indented, for files. */
    public static final ObjectMapper MAPPER = create();
    /** One line, for the database. */
    static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader VERDICTS = MAPPER.readerFor(new TypeReference<List<Verdict>>() {});

    private ExperimentJson() {}

    public static String write(Experiment experiment) {
        return write(COMPACT, experiment);
    }

    public static Experiment readExperiment(String json) {
        return read(json, Experiment.class);
    }

    static ApiError readError(String json) {
        return read(json, ApiError.class);
    }

    static List<Verdict> readVerdicts(String json) {
        try {
            return VERDICTS.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored verdicts are not readable: " + reason(e), e);
        }
    }

    static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + reason(e), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored " + type.getSimpleName() + " is not readable: " + reason(e), e);
        }
    }

    /** The first line of a parse error, for a one-line message. */
    static String reason(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Check.Contains.class, name = "contains"),
        @JsonSubTypes.Type(value = Check.NotContains.class, name = "not_contains"),
        @JsonSubTypes.Type(value = Check.Matches.class, name = "matches"),
        @JsonSubTypes.Type(value = Check.ValidJson.class, name = "valid_json"),
        @JsonSubTypes.Type(value = Check.MatchesSchema.class, name = "matches_schema"),
        @JsonSubTypes.Type(value = Check.MaxTokens.class, name = "max_tokens"),
        @JsonSubTypes.Type(value = Check.Judge.class, name = "judge")
    })
    private interface CheckKinds {}

    private static ObjectMapper create() {
        SimpleModule module = new SimpleModule("experiments");
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addDeserializer(Instant.class, new InstantReader());
        module.addSerializer(ParamValue.class, new ParamValueWriter());
        module.addDeserializer(ParamValue.class, new ParamValueReader());
        module.addSerializer(ChatSettings.class, new SettingsWriter());
        module.addDeserializer(ChatSettings.class, new SettingsReader());
        return JsonMapper.builder()
                .addModule(module)
                .addMixIn(Check.class, CheckKinds.class)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private static final class InstantReader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            try {
                return text == null || text.isBlank() ? null : Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                return (Instant) ctx.handleWeirdStringValue(Instant.class, text,
                        "not an ISO-8601 time such as 2026-01-31T12:00:00Z");
            }
        }
    }

    private static final class ParamValueWriter extends JsonSerializer<ParamValue> {
        @Override
        public void serialize(ParamValue value, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (value.omitted()) {
                g.writeNull();
            } else {
                provider.defaultSerializeValue(value.value(), g);
            }
        }
    }

    private static final class ParamValueReader extends JsonDeserializer<ParamValue> {
        @Override
        public ParamValue deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_INT -> new ParamValue(p.getNumberValue());
                case VALUE_NUMBER_FLOAT -> new ParamValue(p.getDoubleValue());
                case VALUE_STRING -> new ParamValue(p.getText());
                case VALUE_TRUE, VALUE_FALSE -> new ParamValue(p.getBooleanValue());
                default -> (ParamValue) ctx.handleUnexpectedToken(ParamValue.class, p);
            };
        }

        @Override
        public ParamValue getNullValue(DeserializationContext ctx) {
            return ParamValue.OMIT;
        }
    }

    /** The base settings: where requests go, the system prompt, and every parameter as the wire has it. */
    private static final class SettingsWriter extends JsonSerializer<ChatSettings> {
        @Override
        public void serialize(ChatSettings s, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            writeIfSet(g, "provider", s.providerId());
            writeIfSet(g, "base_url", s.baseUrl());
            writeIfSet(g, "model", s.model());
            writeIfSet(g, "system_prompt", s.systemPrompt());
            g.writeBooleanField("include_usage", s.includeUsage());
            Map<String, Object> parameters = new LinkedHashMap<>(RequestParameters.of(s.toRequest(List.of())));
            parameters.remove("stream_options");
            g.writeObjectField("parameters", parameters);
            g.writeEndObject();
        }

        private static void writeIfSet(JsonGenerator g, String name, String value) throws IOException {
            if (value != null) {
                g.writeStringField(name, value);
            }
        }
    }

    private static final class SettingsReader extends JsonDeserializer<ChatSettings> {
        @Override
        public ChatSettings deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (!(node instanceof ObjectNode)) {
                return (ChatSettings) ctx.handleUnexpectedToken(ChatSettings.class, p);
            }
            // read as plain JSON, so numbers have the types the history's parameters have
            Map<String, Object> parameters = node.path("parameters").isObject()
                    ? RequestParameters.fromJson(node.get("parameters").toString()) : Map.of();
            ChatRequest r;
            try {
                r = RequestParameters.toRequest(text(node, "model"), List.of(), parameters);
            } catch (IllegalArgumentException e) {
                return (ChatSettings) ctx.handleWeirdStringValue(ChatSettings.class, String.valueOf(parameters),
                        e.getMessage());
            }
            return new ChatSettings(text(node, "provider"), text(node, "base_url"), text(node, "model"),
                    text(node, "system_prompt"), r.maxTokens(), r.temperature(), r.topP(), r.frequencyPenalty(),
                    r.presencePenalty(), r.stop(), r.stream(), node.path("include_usage").asBoolean(false),
                    r.extra(), r.extended());
        }

        private static String text(JsonNode node, String name) {
            return node.hasNonNull(name) ? node.get(name).asText() : null;
        }
    }
}
