package parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import parley.mcp.McpException;
import parley.mcp.McpService;
import parley.mcp.McpTool;
import parley.mcp.ResultPart;
import parley.mcp.ServerConfig;
import parley.mcp.ServerState;
import parley.mcp.ServerStore;
import parley.mcp.ToolResult;
import parley.store.Database;
import parley.store.SecretStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley mcp add|import|list|tools|call|remove}: the MCP servers of the settings (the same
 * ones the window uses), their tools, and a tool called by hand. Environment and header values are
 * kept in the keyring, never in the database.
 */
final class McpCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private McpCommand() {}

    static CommandLine create(CliContext context) {
        CommandLine mcp = new CommandLine(new Group(context));
        mcp.addSubcommand(new Add(context));
        mcp.addSubcommand(new Import(context));
        mcp.addSubcommand(new ListServers(context));
        mcp.addSubcommand(new Tools(context));
        mcp.addSubcommand(new Call(context));
        mcp.addSubcommand(new Remove(context));
        return mcp;
    }

    /** A command that works on the servers: the database and the keyring opened for it, servers stopped after. */
    abstract static class ServersCommand extends Subcommand {
        ServersCommand(CliContext context) { super(context); }

        @Override
        protected final int run() throws InterruptedException {
            try (Database db = DataHome.open(context.env(), context.err());
                 McpService service = new McpService(new ServerStore(db, SecretStore::open))) {
                return run(service);
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
        }

        abstract int run(McpService service) throws InterruptedException;

        /** Where the environment and header values went when they are not kept past this run (never the values). */
        void warnWhereSecretsAre(McpService service, ServerConfig server) {
            if (!server.env().isEmpty() || !server.headers().isEmpty()) {
                service.secretsNotice().ifPresent(notice -> context.err().println("parley: " + notice));
            }
        }

        /** Says why a server is not ready, with its last lines, and returns exit code 1. */
        int failed(McpException e) {
            context.err().println("parley: " + e.getMessage());
            if (!e.lastLines().isEmpty()) {
                context.err().println("Its last lines:");
                e.lastLines().forEach(line -> context.err().println("  " + line));
            }
            return FAILED;
        }
    }

    @Command(name = "mcp", mixinStandardHelpOptions = true,
            description = "MCP servers whose tools models can call: add, import, list, their tools, call one, remove.")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley mcp list', 'parley mcp add NAME -- COMMAND [ARGS…]',"
                    + " 'parley mcp add NAME --url URL', 'parley mcp import FILE.json', 'parley mcp tools NAME',"
                    + " 'parley mcp call NAME TOOL --args JSON' or 'parley mcp remove NAME'.");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a server: a command started over stdio (after --), or a URL (streamable HTTP).",
                    "  parley mcp add NAME [--env NAME=VALUE]... -- COMMAND [ARGS...]",
                    "  parley mcp add NAME --url URL [--header NAME=VALUE]..."})
    static final class Add extends ServersCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '_' or '-'; tools are named NAME__TOOL.")
        String name;
        @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*",
                description = "After --: the server's command and its arguments.")
        List<String> command = new ArrayList<>();
        @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable of the server (kept in the keyring).")
        Map<String, String> env = new LinkedHashMap<>();
        @Option(names = "--url", paramLabel = "URL", description = "The server's streamable HTTP address, e.g. https://host/mcp.")
        String url;
        @Option(names = "--header", paramLabel = "NAME=VALUE", description = "An HTTP header sent to the server (kept in the keyring).")
        Map<String, String> headers = new LinkedHashMap<>();

        Add(CliContext context) { super(context); }

        @Override
        int run(McpService service) {
            if (url != null && !command.isEmpty()) {
                throw new BadInput("give either --url or a command after --, not both.");
            }
            if (url == null && command.isEmpty()) {
                throw new BadInput("give the server's command after --, e.g. 'parley mcp add " + name
                        + " -- npx -y PACKAGE', or its address with --url URL.");
            }
            if (url != null && !env.isEmpty()) throw new BadInput("--env is for a command; an HTTP server takes --header.");
            if (url == null && !headers.isEmpty()) throw new BadInput("--header is for --url; a command takes --env.");
            ServerConfig server = url != null ? ServerConfig.http(name, url, headers)
                    : ServerConfig.stdio(name, command.getFirst(), command.subList(1, command.size()), env);
            service.add(server);
            context.out().println("Added " + server.name() + ": " + server.target());
            warnWhereSecretsAre(service, server);
            return OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the servers of an mcpServers block (Claude Desktop's, Cursor's or a provider's), replacing those of the same names.")
    static final class Import extends ServersCommand {
        @Parameters(index = "0", paramLabel = "FILE.json")
        Path file;

        Import(CliContext context) { super(context); }

        @Override
        int run(McpService service) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInput("cannot read " + file + ": " + e.getMessage());
            }
            List<ServerConfig> added = service.importBlock(text);
            for (ServerConfig server : added) {
                context.out().println("Added " + server.name() + ": " + server.target());
                warnWhereSecretsAre(service, server);
            }
            return OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the servers with their state and tool count (enabled ones are started to ask).")
    static final class ListServers extends ServersCommand {
        ListServers(CliContext context) { super(context); }

        @Override
        int run(McpService service) throws InterruptedException {
            List<ServerConfig> servers = service.servers();
            if (servers.isEmpty()) {
                context.out().println("No MCP servers: add one with 'parley mcp add NAME -- COMMAND' or 'parley mcp import FILE.json'.");
                return OK;
            }
            List<ServerState> states = startAll(service, servers);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"name", "state", "tools", "command or url"});
            for (int i = 0; i < servers.size(); i++) {
                ServerState state = states.get(i);
                rows.add(new String[] {servers.get(i).name(), state instanceof ServerState.Ready ? "ready" : state.summary(),
                        state instanceof ServerState.Ready ready ? Integer.toString(ready.tools().size()) : "-",
                        servers.get(i).target()});
            }
            Table.print(rows, "LLRL", context.out());
            return OK;
        }

        private static List<ServerState> startAll(McpService service, List<ServerConfig> servers) throws InterruptedException {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<ServerState>> states = new ArrayList<>();
                for (ServerConfig s : servers) {
                    states.add(pool.submit(() -> s.enabled() ? service.start(s.name()) : service.state(s.name())));
                }
                List<ServerState> done = new ArrayList<>();
                for (Future<ServerState> f : states) {
                    try {
                        done.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        done.add(new ServerState.Failed(String.valueOf(e.getCause().getMessage()), List.of()));
                    }
                }
                return done;
            }
        }
    }

    @Command(name = "tools", mixinStandardHelpOptions = true, description = "Start a server and list its tools.")
    static final class Tools extends ServersCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--json", description = "[{name, description, input_schema}]")
        boolean json;

        Tools(CliContext context) { super(context); }

        @Override
        int run(McpService service) throws InterruptedException {
            requireServer(service, name);
            List<McpTool> tools;
            try {
                tools = service.tools(name);
            } catch (McpException e) {
                return failed(e);
            }
            if (json) {
                ArrayNode list = JSON.createArrayNode();
                for (McpTool t : tools) {
                    list.addObject().put("name", t.name()).put("description", t.description()).set("input_schema", t.inputSchema());
                }
                context.out().println(list.toPrettyString());
            } else {
                for (McpTool t : tools) context.out().println(t.name() + "  " + t.description().lines().findFirst().orElse(""));
            }
            return OK;
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Call a server's tool and print its result's text; exit 1 when the result is an error.")
    static final class Call extends ServersCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "TOOL")
        String tool;
        @Option(names = "--args", paramLabel = "JSON", description = "The arguments, a JSON object (default: {}).")
        String args = "{}";
        @Option(names = "--json", description = "{content: [{type, text}], is_error}")
        boolean json;

        Call(CliContext context) { super(context); }

        @Override
        int run(McpService service) throws InterruptedException {
            requireServer(service, name);
            McpTool found;
            try {
                List<McpTool> tools = service.tools(name);
                found = tools.stream().filter(t -> t.name().equals(tool)).findFirst().orElseThrow(() -> new BadInput(
                        "the server " + name + " has no tool named " + tool + ": see 'parley mcp tools " + name + "'."));
            } catch (McpException e) {
                return failed(e);
            }
            List<String> violations = service.violations(found, args);
            if (!violations.isEmpty()) {
                throw new BadInput("--args does not match the input schema of " + tool + ": " + String.join("; ", violations));
            }
            ToolResult result = service.call(found, args);
            if (json) {
                context.out().println(toJson(result).toPrettyString());
            } else {
                context.out().println(result.text());
                result.images().forEach(i -> context.out().println("[image " + i.mimeType() + ", "
                        + java.util.Base64.getDecoder().decode(i.base64()).length + " bytes]"));
            }
            return result.isError() ? FAILED : OK;
        }

        private static ObjectNode toJson(ToolResult result) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode content = root.putArray("content");
            for (ResultPart part : result.content()) {
                switch (part) {
                    case ResultPart.Text t -> content.addObject().put("type", "text").put("text", t.text());
                    case ResultPart.Image i -> content.addObject().put("type", "image").putNull("text")
                            .put("mime_type", i.mimeType()).put("data", i.base64());
                }
            }
            root.put("is_error", result.isError());
            root.put("duration_ms", result.elapsed().toMillis());
            return root;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a server and its secrets.")
    static final class Remove extends ServersCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Remove(CliContext context) { super(context); }

        @Override
        int run(McpService service) {
            if (!service.remove(name)) throw new BadInput("there is no MCP server named " + name + ": see 'parley mcp list'.");
            context.out().println("Removed " + name + ".");
            return OK;
        }
    }

    private static void requireServer(McpService service, String name) {
        if (service.server(name).isEmpty()) {
            throw new BadInput("there is no MCP server named " + name + ": see 'parley mcp list'.");
        }
    }

}
