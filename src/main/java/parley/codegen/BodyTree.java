package parley.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import parley.api.ChatRequest;
import parley.api.RequestJson;

/** The body the app posts for a request, read back as a JSON tree for the generators to write out. */
final class BodyTree {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private BodyTree() {}

    /** Written by the client's own mapper, so the snippet carries exactly what {@code ChatClient} sends. */
    static ObjectNode of(ChatRequest request) {
        try {
            return (ObjectNode) MAPPER.readTree(RequestJson.write(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request body could not be read back", e);
        }
    }

    /** Whether the body offers the model tools (the SDK snippets then run the tool-call loop). */
    static boolean offersTools(ObjectNode body) {
        return body.path("tools").isArray() && !body.path("tools").isEmpty();
    }

    /**
     * The MCP servers the request's tools come from: Parley names an MCP server's tool
     * {@code SERVER__TOOL}, so the part before the first {@code __} of such a name. In order, once each.
     */
    static List<String> mcpServers(ObjectNode body) {
        Set<String> servers = new LinkedHashSet<>();
        for (JsonNode tool : body.path("tools")) {
            String name = tool.path("function").path("name").asText("");
            int split = name.indexOf("__");
            if (split > 0 && split + 2 < name.length()) servers.add(name.substring(0, split));
        }
        return List.copyOf(servers);
    }

    /**
     * A comment (its lines starting with {@code marker}) naming the MCP servers the tools come from, for
     * the tool loop's snippets: the code stays a plain API example, so their calls are left to run_tool.
     * Empty when no tool comes from one.
     */
    static String mcpNote(ObjectNode body, String marker, String runTool) {
        List<String> servers = mcpServers(body);
        if (servers.isEmpty()) return "";
        return marker + " Tools named SERVER__TOOL come from the MCP server" + (servers.size() > 1 ? "s " : " ")
                + String.join(", ", servers) + " (Parley's MCP panel).\n"
                + marker + " This example does not start them: call them with an MCP client in " + runTool + ".";
    }
}
