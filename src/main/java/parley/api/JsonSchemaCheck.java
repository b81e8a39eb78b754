package parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * JSON Schema checks (draft 2020-12 unless the schema names another in {@code $schema}): whether a
 * schema is valid JSON Schema (tool parameters, a {@code json_schema} response format), and whether a
 * JSON text (a reply, a tool call's arguments) matches a schema. Never fetches anything: a
 * {@code $ref} to a remote document is a violation, not a download. Thread-safe.
 */
public final class JsonSchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private JsonSchemaCheck() {}

    /**
     * One way a value breaks a schema: where, as a JSON Pointer ({@code ""} is the whole value,
     * {@code /items/0} the first item of {@code items}), and how.
     */
    public record Violation(String path, String message) {
        public static final String WHOLE = "";

        @Override
        public String toString() {
            return (path.isEmpty() ? "the whole value" : path) + ": " + message;
        }
    }

    /** The problems of {@code schema} as a JSON Schema; empty when it is one. */
    public static List<Violation> schemaProblems(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return List.of(new Violation(Violation.WHOLE, "a schema must be a JSON object, e.g. {\"type\": \"object\", \"properties\": {}}"));
        }
        List<Violation> againstMeta = violations(META_SCHEMA.validate(schema));
        if (!againstMeta.isEmpty()) {
            return againstMeta;
        }
        try {
            REGISTRY.getSchema(schema).validate(JSON.nullNode());
            return List.of();
        } catch (RuntimeException e) {
            return List.of(new Violation(Violation.WHOLE, "the schema cannot be used: " + oneLine(e)));
        }
    }

    /** The violations of the JSON in {@code text} against {@code schema}; one for the whole value when it is not JSON. */
    public static List<Violation> validate(JsonNode schema, String text) {
        JsonNode value;
        try {
            value = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            return List.of(new Violation(Violation.WHOLE, "not valid JSON: " + e.getOriginalMessage()));
        }
        if (value == null || value.isMissingNode()) {
            return List.of(new Violation(Violation.WHOLE, "not valid JSON: the text is empty"));
        }
        return validate(schema, value);
    }

    /** The violations of {@code value} against {@code schema}; a schema that is not valid gives its own problems. */
    public static List<Violation> validate(JsonNode schema, JsonNode value) {
        List<Violation> problems = schemaProblems(schema);
        if (!problems.isEmpty()) {
            return problems.stream().map(p -> new Violation(p.path(), "the schema is not valid: " + p.message())).toList();
        }
        try {
            return violations(REGISTRY.getSchema(schema).validate(value));
        } catch (RuntimeException e) {
            return List.of(new Violation(Violation.WHOLE, "the schema cannot be used: " + oneLine(e)));
        }
    }

    private static List<Violation> violations(List<Error> errors) {
        return errors.stream().map(e -> new Violation(e.getInstanceLocation().toString(), e.getMessage())).toList();
    }

    private static String oneLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
