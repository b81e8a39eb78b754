package parley.ui.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import parley.api.Tool;

/** The request's {@code tools} array as a file holds it: read (also from a whole request body) and written. */
final class ToolsJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ToolsJson() {}

    /** The tools in {@code text}; a refusal says what to change. */
    static List<Tool> read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("The file is not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ".");
        }
        JsonNode array = root != null && root.isObject() && root.has("tools") ? root.get("tools") : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("The file holds no tools: it should be a JSON array of"
                    + " {\"type\": \"function\", \"function\": {…}} entries, as the API's \"tools\" takes it.");
        }
        List<Tool> tools = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) tools.add(tool(array.get(i), i + 1));
        return tools;
    }

    static String write(List<Tool> tools) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tools) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Tool tool(JsonNode entry, int number) {
        JsonNode function = entry.path("function");
        if (!entry.isObject() || !function.isObject()) {
            throw new IllegalArgumentException("Tool " + number + " has no \"function\" object.");
        }
        String type = entry.path("type").asText(Tool.FUNCTION);
        if (!Tool.FUNCTION.equals(type)) {
            throw new IllegalArgumentException("Tool " + number + " is of type \"" + type + "\": only \"function\" tools are taken.");
        }
        JsonNode parameters = function.get("parameters");
        if (parameters != null && !parameters.isObject()) {
            throw new IllegalArgumentException("Tool " + number + ": \"parameters\" must be a JSON Schema object.");
        }
        JsonNode strict = function.get("strict");
        return new Tool(Tool.FUNCTION, new Tool.Function(text(function, "name"), text(function, "description"),
                parameters, strict == null || strict.isNull() ? null : strict.asBoolean()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
