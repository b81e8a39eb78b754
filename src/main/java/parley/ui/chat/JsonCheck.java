package parley.ui.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import parley.api.JsonSchemaCheck;

/**
 * Checks JSON text, such as a tool call's arguments or a reply asked for as JSON: whether it is
 * JSON, and whether it matches a JSON Schema (draft 2020-12 unless the schema names another).
 */
public final class JsonCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonCheck() {}

    /** Whether {@code text} is JSON; with a {@code schema} (null: none), whether it matches it. */
    public static JsonVerdict check(String text, JsonNode schema) {
        JsonNode value;
        try {
            value = parse(text);
        } catch (JsonProcessingException e) {
            return new JsonVerdict(JsonVerdict.Kind.NOT_JSON, text == null ? "" : text, List.of(e.getOriginalMessage()));
        }
        String pretty = pretty(value);
        List<String> problems = schema == null || schema.isNull() ? List.of() : violations(value, schema);
        return new JsonVerdict(problems.isEmpty() ? JsonVerdict.Kind.VALID : JsonVerdict.Kind.VIOLATES, pretty, problems);
    }

    /** Whether {@code text} is one JSON object (what {@code response_format: json_object} asks for). */
    public static JsonVerdict checkObject(String text) {
        JsonVerdict verdict = check(text, null);
        if (verdict.kind() == JsonVerdict.Kind.VALID && !(readOrNull(text) instanceof ObjectNode)) {
            return new JsonVerdict(JsonVerdict.Kind.VIOLATES, verdict.pretty(), List.of("$: a JSON object was asked for"));
        }
        return verdict;
    }

    /** {@code text} compacted when it is JSON, else as it is. */
    public static String compact(String text) {
        try {
            return JSON.writeValueAsString(parse(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static JsonNode parse(String text) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            throw new JsonProcessingException("nothing was sent") {};
        }
        JsonNode value = JSON.readTree(text);
        if (value == null || value.isMissingNode()) {
            throw new JsonProcessingException("nothing was sent") {};
        }
        return value;
    }

    private static JsonNode readOrNull(String text) {
        try {
            return parse(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String pretty(JsonNode value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }

    private static List<String> violations(JsonNode value, JsonNode schema) {
        return JsonSchemaCheck.validate(schema, value).stream().map(v -> path(v.path()) + ": " + v.message()).toList();
    }

    /** A JSON pointer ({@code /items/0/name}) as a path people read ({@code $.items[0].name}). */
    static String path(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) return path.toString();
        for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) path.append('[').append(name).append(']');
            else path.append('.').append(name);
        }
        return path.toString();
    }
}
