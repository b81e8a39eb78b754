package parley.mcp;

import java.util.List;

/** Where a server is: not running, starting, ready with its tools, or failed (why, and its last lines). */
public sealed interface ServerState {
    /** One line for lists: "ready, 13 tools", "failed: …". */
    String summary();

    record Stopped(boolean disabled) implements ServerState {
        @Override
        public String summary() { return disabled ? "disabled" : "not started"; }
    }

    record Starting() implements ServerState {
        @Override
        public String summary() { return "starting"; }
    }

    record Ready(List<McpTool> tools) implements ServerState {
        public Ready { tools = List.copyOf(tools); }

        @Override
        public String summary() { return "ready, " + tools.size() + (tools.size() == 1 ? " tool" : " tools"); }
    }

    record Failed(String reason, List<String> lastLines) implements ServerState {
        public Failed { lastLines = List.copyOf(lastLines); }

        @Override
        public String summary() { return "failed: " + reason; }
    }
}
