package parley.ui.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a text is a JSON Schema: first valid JSON (else where it breaks), then an object that the
 * draft 2020-12 meta-schema accepts (else the first reason, at the line of the part it names).
 */
public final class SchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private SchemaCheck() {}

    /** The outcome: the parsed schema when valid, else a message and the line and column it points at (1-based). */
    public record Result(JsonNode schema, String problem, int line, int column) {
        static Result valid(JsonNode schema) { return new Result(schema, "", 0, 0); }

        public boolean ok() { return problem.isEmpty(); }
    }

    /** Checks {@code text}; a blank text is valid and has no schema. */
    public static Result check(String text) {
        if (text == null || text.isBlank()) return Result.valid(null);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return new Result(null, "Not valid JSON at line " + line + ", column " + column + ": "
                    + firstLine(e.getOriginalMessage()), line, column);
        }
        if (!node.isObject()) {
            return new Result(null, "A schema is a JSON object ({ … }), not " + kind(node) + ".", 1, 1);
        }
        List<Error> errors = MetaSchema.SCHEMA.validate(node);
        if (errors.isEmpty()) return Result.valid(node);
        Error first = errors.getFirst();
        String pointer = pointer(first.getInstanceLocation());
        int line = lineOf(text, pointer);
        String where = pointer.isEmpty() ? "the schema" : pointer.substring(1).replace('/', '.');
        return new Result(null, "Not a valid JSON Schema at line " + line + " (" + where + "): "
                + first.getMessage().replaceFirst("^\\$[^:]*: ", "") + more(errors.size()), line, 1);
    }

    private static String more(int count) {
        return count == 1 ? "" : " (and " + (count - 1) + " more)";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) return "an array";
        if (node.isTextual()) return "a string";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "true or false";
        return "null";
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) out.append('/').append(path.getElement(i));
        return out.toString();
    }

    /** The line of the deepest part of {@code text} on the way to {@code pointer}. */
    private static int lineOf(String text, String pointer) {
        Map<String, Integer> lines = lines(text);
        String at = pointer;
        while (!at.isEmpty() && !lines.containsKey(at)) at = at.substring(0, at.lastIndexOf('/'));
        return lines.getOrDefault(at, 1);
    }

    /** Where each value starts, by its JSON pointer. */
    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) continue;
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // the text parsed as a tree already; a failure here only loses the line numbers
        }
        return lines;
    }

    /** The draft 2020-12 meta-schema, loaded from the validator's own copy once, on first use. */
    private static final class MetaSchema {
        static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(META_SCHEMA));
    }
}
