package parley.mcp;

import java.util.List;

/** An MCP server could not be started, initialized or asked; the message says why, with its last lines of output. */
public final class McpException extends Exception {
    private final List<String> lastLines;

    public McpException(String message, List<String> lastLines) {
        super(message);
        this.lastLines = List.copyOf(lastLines);
    }

    /** The server's last lines of standard error, oldest first (empty for an HTTP server). */
    public List<String> lastLines() {
        return lastLines;
    }
}
