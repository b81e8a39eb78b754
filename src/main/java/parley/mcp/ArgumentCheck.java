package parley.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a tool call's arguments against the tool's input schema before anything is sent: the
 * arguments as the model wrote them (a JSON object in a string), the violations as lines to show.
 */
final class ArgumentCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

    /** The arguments as an object, or the reasons they are refused. */
    sealed interface Outcome {}

    record Accepted(JsonNode arguments) implements Outcome {}

    record Refused(List<String> violations) implements Outcome {}

    Outcome check(JsonNode schema, String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = argumentsJson == null || argumentsJson.isBlank()
                    ? JsonNodeFactory.instance.objectNode() : JSON.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            return new Refused(List.of("the arguments are not JSON: " + e.getOriginalMessage()));
        }
        if (arguments == null || !arguments.isObject()) {
            return new Refused(List.of("the arguments must be a JSON object, e.g. {\"name\": \"value\"}"));
        }
        if (schema == null || !schema.isObject()) return new Accepted(arguments);
        List<Error> errors;
        try {
            errors = compiled.computeIfAbsent(schema, SCHEMAS::getSchema).validate(arguments);
        } catch (RuntimeException e) {
            return new Accepted(arguments); // a schema Parley cannot read: the server judges the arguments itself
        }
        return errors.isEmpty() ? new Accepted(arguments) : new Refused(errors.stream().map(ArgumentCheck::line).toList());
    }

    private static String line(Error error) {
        String where = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        return message.startsWith(where) || where.isEmpty() ? message : where + ": " + message;
    }
}
