package parley.mcp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The protocol's reference server, {@code @modelcontextprotocol/server-everything} 2026.8.31, where
 * {@code .ci/run} installs it with npm (override: PARLEY_NODE_TOOLS). Missing, a test skips with the
 * reason; with {@code CI=true} or {@code PARLEY_REQUIRE_MCP=1} (set by {@code .ci/run}) it fails instead, so CI always runs against the real server.
 */
public final class EverythingServer {
    public static final Path NODE_TOOLS = Path.of(System.getenv().getOrDefault("PARLEY_NODE_TOOLS", "target/node-tools"))
            .toAbsolutePath();
    public static final Path SCRIPT = NODE_TOOLS.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

    private EverythingServer() {}

    /** The command line that starts it over stdio: {@code node …/dist/index.js stdio}. */
    public static List<String> command() {
        String missing = onPath("node") == null ? "node is missing (Debian: apt-get install nodejs)"
                : !Files.isRegularFile(SCRIPT) ? "the npm package @modelcontextprotocol/server-everything is not in " + NODE_TOOLS
                + " (npm install --prefix target/node-tools @modelcontextprotocol/server-everything@2026.8.31, as .ci/run does)"
                : null;
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("PARLEY_REQUIRE_MCP"))) fail("MCP tests not run: " + missing + " — .ci/run installs it");
            Assumptions.abort("MCP tests not run: " + missing);
        }
        return List.of("node", SCRIPT.toString(), "stdio");
    }

    /** The server as Parley's settings hold it, under {@code name}. */
    public static ServerConfig config(String name) {
        List<String> command = command();
        return ServerConfig.stdio(name, command.getFirst(), command.subList(1, command.size()), java.util.Map.of());
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return dir;
        }
        return null;
    }
}
