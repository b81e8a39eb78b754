package parley.ui.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form of a tool's arguments, made from its input schema: a field per property (text, number,
 * whole number, yes/no; JSON text for arrays, objects and the rest), and the arguments the typed
 * values make. An empty field is left out.
 */
record ToolForm(List<Field> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { STRING, NUMBER, INTEGER, BOOLEAN, JSON }

    record Field(String name, Kind kind, boolean required, String description) {
        String label() {
            return name + (required ? " *" : "");
        }
    }

    static ToolForm of(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        schema.path("properties").properties().forEach(p -> fields.add(new Field(p.getKey(), kind(p.getValue()),
                required.contains(p.getKey()), p.getValue().path("description").asText(""))));
        return new ToolForm(fields);
    }

    private static Kind kind(JsonNode property) {
        return switch (property.path("type").asText("")) {
            case "string" -> Kind.STRING;
            case "number" -> Kind.NUMBER;
            case "integer" -> Kind.INTEGER;
            case "boolean" -> Kind.BOOLEAN;
            default -> Kind.JSON;
        };
    }

    /** The arguments as a JSON object; an {@link IllegalArgumentException} naming the field when a value does not fit. */
    String arguments(Map<String, String> values) {
        ObjectNode args = JSON.createObjectNode();
        for (Field field : fields) {
            String value = values.getOrDefault(field.name(), "").strip();
            if (value.isEmpty()) continue;
            try {
                switch (field.kind()) {
                    case STRING -> args.put(field.name(), values.get(field.name()));
                    case NUMBER -> args.put(field.name(), new BigDecimal(value));
                    case INTEGER -> args.put(field.name(), new BigInteger(value));
                    case BOOLEAN -> args.put(field.name(), Boolean.parseBoolean(value));
                    case JSON -> args.set(field.name(), JSON.readTree(value));
                }
            } catch (NumberFormatException | JsonProcessingException e) {
                throw new IllegalArgumentException(field.name() + " must be " + switch (field.kind()) {
                    case NUMBER -> "a number, e.g. 2.5";
                    case INTEGER -> "a whole number, e.g. 3";
                    default -> "JSON, e.g. [1, 2] or {\"key\": \"value\"}";
                } + ".");
            }
        }
        return args.toString();
    }
}
