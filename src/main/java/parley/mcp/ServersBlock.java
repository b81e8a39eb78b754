package parley.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code mcpServers} block, the format of Claude Desktop's, Cursor's and the providers'
 * pages: {@code {"mcpServers": {"NAME": {"command", "args", "env"} | {"url", "headers"}}}}. Bad input
 * is an {@link IllegalArgumentException} whose message says what to change.
 */
public final class ServersBlock {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServersBlock() {}

    public static List<ServerConfig> parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("This is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "): paste an {\"mcpServers\": {…}} block.");
        }
        JsonNode servers = root == null ? null : root.get("mcpServers");
        if (servers == null || !servers.isObject()) {
            throw new IllegalArgumentException("No \"mcpServers\" object found: the block should look like"
                    + " {\"mcpServers\": {\"NAME\": {\"command\": \"npx\", \"args\": [\"-y\", \"PACKAGE\"]}}}.");
        }
        if (servers.isEmpty()) throw new IllegalArgumentException("The \"mcpServers\" object names no server.");
        List<ServerConfig> found = new ArrayList<>();
        servers.properties().forEach(entry -> found.add(server(entry.getKey(), entry.getValue())));
        return found;
    }

    private static ServerConfig server(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("The server \"" + name + "\" must be an object with \"command\" or \"url\".");
        }
        String type = text(node, "type", name);
        if (node.hasNonNull("command")) {
            return new ServerConfig(name, !node.path("disabled").asBoolean(false), text(node, "command", name),
                    strings(node.get("args"), name), map(node.get("env"), name, "env"), null, Map.of());
        }
        if (node.hasNonNull("url") || node.hasNonNull("serverUrl")) {
            if ("sse".equalsIgnoreCase(type)) {
                throw new IllegalArgumentException("The server \"" + name + "\" uses the old SSE transport, which Parley"
                        + " does not speak: use its streamable HTTP URL (often ending in /mcp).");
            }
            String url = node.hasNonNull("url") ? text(node, "url", name) : text(node, "serverUrl", name);
            return new ServerConfig(name, !node.path("disabled").asBoolean(false), null, List.of(), Map.of(), url,
                    map(node.get("headers"), name, "headers"));
        }
        throw new IllegalArgumentException("The server \"" + name + "\" has neither \"command\" nor \"url\".");
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" of the server \"" + name + "\" must be a string.");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String name) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"args\" of the server \"" + name + "\" must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> {
            if (!value.isValueNode()) {
                throw new IllegalArgumentException("\"args\" of the server \"" + name + "\" must be an array of strings.");
            }
            values.add(value.asText());
        });
        return values;
    }

    private static Map<String, String> map(JsonNode node, String name, String field) {
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + field + "\" of the server \"" + name + "\" must be an object of strings.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        return values;
    }
}
