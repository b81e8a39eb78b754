package parley.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.chat.ChatSettings;
import parley.mcp.McpException;
import parley.mcp.McpService;
import parley.mcp.McpTool;
import parley.mcp.ToolResult;

/**
 * The tools of the MCP servers named with {@code send --mcp}, offered in the request beside those of
 * {@code --tools}, and the model's calls of them run through the {@link McpService}.
 */
final class McpToolRunner {
    /** One call as it was run: its result is what the model is sent back. */
    record Ran(ToolCall call, ToolResult result) {
        /** The text of the {@code tool} message: an error result says so, and images are named, not sent. */
        String content() {
            return result.forModel();
        }
    }

    private final McpService service;
    private final Map<String, McpTool> offered;

    private McpToolRunner(McpService service, Map<String, McpTool> offered) {
        this.service = service;
        this.offered = offered;
    }

    /**
     * Starts each named server and takes its tools; BadInput for a name the settings do not hold, an
     * {@link McpException} (with the server's last lines) for a server that cannot start.
     */
    static McpToolRunner of(McpService service, List<String> servers) throws McpException, InterruptedException {
        Map<String, McpTool> offered = new LinkedHashMap<>();
        for (String name : servers) {
            if (service.server(name).isEmpty()) {
                throw new BadInput("No MCP server named " + name + ": see 'parley mcp list', or add it with 'parley mcp add'.");
            }
            service.tools(name).forEach(tool -> offered.put(tool.uniqueName(), tool));
        }
        return new McpToolRunner(service, offered);
    }

    /** The settings with the servers' tools after those already given (--tools). */
    ChatSettings addedTo(ChatSettings settings) {
        List<Tool> tools = new ArrayList<>();
        if (settings.extended().tools() != null) {
            tools.addAll(settings.extended().tools());
        }
        offered.values().forEach(tool -> tools.add(tool.toApiTool()));
        var extended = settings.extended();
        return settings.withExtended(extended.withTools(tools, extended.toolChoice(), extended.parallelToolCalls()));
    }

    /** Runs one call; a name no named server has gets an error result that the model sees. */
    Ran run(ToolCall call) throws InterruptedException {
        McpTool tool = offered.get(call.name());
        if (tool == null) {
            String names = offered.isEmpty() ? "none" : String.join(", ", offered.keySet());
            return new Ran(call, ToolResult.error("No MCP server of this request has a tool named " + call.name()
                    + "; the tools are: " + names + ".", java.time.Duration.ZERO));
        }
        return new Ran(call, service.call(tool, call.arguments()));
    }
}
