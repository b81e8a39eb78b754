package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ResponseFormat;
import parley.api.Tool;

/**
 * Reads the JSON that options take (inline or from a file) into the request's records; anything
 * unreadable is {@link BadInput} naming the option and what to change.
 */
final class JsonOptions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private JsonOptions() {}

    /** {@code --tools FILE.json}: the API's {@code tools} array. */
    static List<Tool> tools(String file) {
        JsonNode node = readFile("--tools", file);
        if (!node.isArray()) {
            throw new BadInput("--tools " + file + ": expected the API's tools array, "
                    + "[{\"type\": \"function\", \"function\": {\"name\": …, \"parameters\": {…}}}]");
        }
        return convert("--tools", file, node, new TypeReference<List<Tool>>() {});
    }

    /** {@code --response-format}: text, json_object, or a file with the {@code json_schema} object. */
    static ResponseFormat responseFormat(String value) {
        return switch (value) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.JSON_OBJECT;
            default -> jsonSchema(value);
        };
    }

    private static ResponseFormat jsonSchema(String file) {
        JsonNode node = readFile("--response-format", file);
        if (!node.isObject() || !node.has("schema")) {
            throw new BadInput("--response-format " + file + ": expected the json_schema object, "
                    + "{\"name\": …, \"schema\": {…}, \"strict\": true} (or text, json_object)");
        }
        return new ResponseFormat("json_schema",
                convert("--response-format", file, node, new TypeReference<ResponseFormat.JsonSchema>() {}));
    }

    /** {@code --extra JSON}: an object whose fields are merged into the body last. */
    static Map<String, Object> extra(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInput("--extra: not valid JSON (" + e.getOriginalMessage().replace('\n', ' ')
                    + "); give an object such as '{\"thinking\": {\"type\": \"enabled\"}}'");
        }
        if (node == null || !node.isObject()) {
            throw new BadInput("--extra: expected a JSON object such as '{\"thinking\": {\"type\": \"enabled\"}}'");
        }
        return JSON.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** {@code --messages-file FILE.json}: the API's {@code messages} array, tool calls and results included. */
    static List<ChatMessage> messages(String file) {
        JsonNode node = readFile("--messages-file", file);
        if (!node.isArray() || node.isEmpty()) {
            throw new BadInput("--messages-file " + file + ": expected the API's messages array, "
                    + "[{\"role\": \"user\", \"content\": …}, …]");
        }
        return convert("--messages-file", file, node, new TypeReference<List<ChatMessage>>() {});
    }

    private static JsonNode readFile(String option, String file) {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.charset.MalformedInputException ? "not UTF-8 text" : e.getMessage();
            throw new BadInput(option + " " + file + ": cannot be read (" + reason + "); give a readable JSON file.");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadInput(option + " " + file + ": the file is empty; it must hold JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInput(option + " " + file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage().replace('\n', ' ') + ").");
        }
    }

    private static <T> T convert(String option, String file, JsonNode node, TypeReference<T> type) {
        try {
            return JSON.treeToValue(node, JSON.constructType(type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new BadInput(option + " " + file + ": " + firstLine(message) + "; see the API's format for it.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected content";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
