package parley.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ExtendedParameters;
import parley.api.ToolChoice;

/**
 * The {@linkplain ExtendedParameters extended parameters} as the request's JSON fields and back, for
 * what keeps them beside the chat: the history's parameters, session files, presets.
 */
public final class ExtendedJson {
    /** The request's JSON fields the extended parameters are written as. */
    public static final List<String> FIELDS = List.of("seed", "n", "logprobs", "top_logprobs", "response_format",
            "tools", "tool_choice", "parallel_tool_calls", "user", "reasoning_effort");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ExtendedJson() {}

    /** The fields as they go on the wire, in the request's order; empty for none. */
    public static Map<String, Object> toFields(ExtendedParameters parameters) {
        Map<String, Object> fields = new LinkedHashMap<>();
        JSON.valueToTree(parameters == null ? ExtendedParameters.NONE : parameters).properties()
                .forEach(e -> fields.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        return fields;
    }

    /**
     * The extended parameters among a request's JSON fields (others are ignored). Throws
     * {@link IllegalArgumentException} naming the field when one has the wrong shape.
     */
    public static ExtendedParameters fromFields(Map<String, ?> fields) {
        return fromTree(fields == null ? JSON.createObjectNode() : JSON.valueToTree(fields));
    }

    static ExtendedParameters fromTree(JsonNode fields) {
        ObjectNode known = JSON.createObjectNode();
        for (String name : FIELDS) {
            if (fields.hasNonNull(name) && !name.equals("tool_choice")) {
                known.set(name, fields.get(name));
            }
        }
        ExtendedParameters parameters;
        try {
            parameters = JSON.treeToValue(known, ExtendedParameters.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("A request field is not of the API's shape ("
                    + firstLine(e.getMessage()) + "): check seed, n, logprobs, top_logprobs, response_format,"
                    + " tools, parallel_tool_calls, user and reasoning_effort.", e);
        }
        ToolChoice choice = toolChoice(fields.get("tool_choice"));
        return choice == null ? parameters
                : parameters.withTools(parameters.tools(), choice, parameters.parallelToolCalls());
    }

    /** {@code "auto"}, {@code "none"}, {@code "required"} or {@code {"type":"function","function":{"name":…}}}. */
    private static ToolChoice toolChoice(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return ToolChoice.parse(value.asText());
        }
        String name = value.path("function").path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tool_choice " + value + " names no function: write \"auto\", \"none\","
                    + " \"required\" or {\"type\": \"function\", \"function\": {\"name\": \"…\"}}.");
        }
        return ToolChoice.named(name);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Reads {@link ExtendedParameters} written as the request's fields, wherever a record holds them. */
    public static final class Deserializer extends JsonDeserializer<ExtendedParameters> {
        @Override
        public ExtendedParameters deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode tree = p.readValueAsTree();
            try {
                return fromTree(tree);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
