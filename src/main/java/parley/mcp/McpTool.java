package parley.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import parley.api.Tool;

/**
 * A tool of an MCP server: its own name, the name it has in a request ({@code server__tool},
 * unique across the servers), its description and its input schema.
 */
public record McpTool(String server, String name, String uniqueName, String description, JsonNode inputSchema) {
    /** As an entry of the request's {@code tools}. */
    public Tool toApiTool() {
        return Tool.function(uniqueName, description, inputSchema);
    }
}
