package parley.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * One running MCP server: its process (stdio) or its URL (streamable HTTP), the SDK's client over
 * it, initialized, and its tools, listed again when the server says they changed. Calls block the
 * calling thread (never the JavaFX thread) and end early when the server's process ends.
 */
final class ServerConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(JSON);
    /** A tool may work for long (a search, a build); the user's Stop ends it sooner. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);

    private final ServerConfig config;
    private final ChildProcess child;
    private final McpAsyncClient client;
    private volatile List<McpTool> tools = List.of();
    private volatile boolean closing;

    private ServerConnection(ServerConfig config, ChildProcess child, McpAsyncClient client) {
        this.config = config;
        this.child = child;
        this.client = client;
    }

    /**
     * Starts and initializes the server and lists its tools, within {@code timeout} each; an
     * {@link McpException} that says why when it cannot. {@code onToolsChanged} hears each new list.
     */
    static ServerConnection open(ServerConfig config, Duration timeout, Consumer<String> onErrorLine,
                                 Consumer<List<McpTool>> onToolsChanged) throws McpException, InterruptedException {
        ChildProcess child = config.isStdio() ? ChildProcess.start(
                Stream.concat(Stream.of(config.command()), config.args().stream()).toList(), config.env(), onErrorLine) : null;
        McpClientTransport transport = child != null ? new ProcessTransport(child, MAPPER) : httpTransport(config);
        ServerConnection[] self = new ServerConnection[1];
        McpAsyncClient client = McpClient.async(transport)
                .clientInfo(new McpSchema.Implementation("parley", "Parley", version()))
                .requestTimeout(CALL_TIMEOUT)
                .initializationTimeout(timeout.multipliedBy(2)) // Parley's own timeout comes first, with a clearer message
                .toolsChangeConsumer(list -> {
                    if (self[0] != null) onToolsChanged.accept(self[0].keep(list));
                    return Mono.empty();
                })
                .build();
        ServerConnection connection = new ServerConnection(config, child, client);
        try {
            connection.await(client.initialize().toFuture(), timeout, "answer 'initialize'");
            List<McpSchema.Tool> listed = connection.await(listAll(client), timeout, "list its tools");
            connection.keep(listed);
            self[0] = connection;
            return connection;
        } catch (McpException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    String name() {
        return config.name();
    }

    List<McpTool> tools() {
        return tools;
    }

    /** Completes when the server's process ends (never, for an HTTP server). */
    CompletableFuture<?> ended() {
        return child == null ? new CompletableFuture<>() : child.onExit();
    }

    /** False once the server's process has ended (an HTTP server counts as alive). */
    boolean alive() {
        return child == null || child.alive();
    }

    boolean closing() {
        return closing;
    }

    /** Why the process ended, with its last lines. */
    McpException endedFailure(String during) {
        return new McpException("The server " + config.name() + " ended" + during + " (exit code " + child.exitCode() + ").",
                child.lastLines());
    }

    List<String> lastLines() {
        return child == null ? List.of() : child.lastLines();
    }

    /** Calls {@code tool} with {@code arguments}; interrupting the calling thread cancels the call. */
    McpSchema.CallToolResult call(String tool, JsonNode arguments) throws McpException, InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Object> args = JSON.convertValue(arguments, Map.class);
        return await(client.callTool(new McpSchema.CallToolRequest(tool, args)).toFuture(), CALL_TIMEOUT, "answer the call");
    }

    private List<McpTool> keep(List<McpSchema.Tool> listed) {
        Map<String, String> unique = ToolNames.unique(config.name(), listed.stream().map(McpSchema.Tool::name).toList());
        tools = listed.stream().map(t -> new McpTool(config.name(), t.name(), unique.get(t.name()),
                t.description() == null ? "" : t.description(), JSON.valueToTree(t.inputSchema()))).toList();
        return tools;
    }

    private <T> T await(CompletableFuture<T> work, Duration timeout, String what) throws McpException, InterruptedException {
        CompletableFuture<?> ended = ended();
        try {
            CompletableFuture.anyOf(work, ended).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!work.isDone()) throw endedFailure(" before it could " + what);
            return work.join();
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new McpException("The server " + config.name() + " did not " + what + " within " + seconds(timeout)
                    + ".", lastLines());
        } catch (InterruptedException e) {
            work.cancel(true);
            throw e;
        } catch (ExecutionException | java.util.concurrent.CompletionException e) {
            if (child != null && !child.alive()) throw endedFailure(" before it could " + what);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new McpException("The server " + config.name() + " could not " + what + ": " + reason(cause), lastLines());
        }
    }

    private static CompletableFuture<List<McpSchema.Tool>> listAll(McpAsyncClient client) {
        return client.listTools(McpSchema.FIRST_PAGE)
                .expand(page -> page.nextCursor() == null || page.nextCursor().isEmpty()
                        ? Mono.empty() : client.listTools(page.nextCursor()))
                .collectList()
                .map(pages -> {
                    List<McpSchema.Tool> all = new ArrayList<>();
                    pages.forEach(page -> all.addAll(page.tools()));
                    return all;
                })
                .toFuture();
    }

    private static McpClientTransport httpTransport(ServerConfig config) {
        URI uri = URI.create(config.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder();
        config.headers().forEach(request::header);
        return HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint).requestBuilder(request)
                .jsonMapper(MAPPER).build();
    }

    /** The deepest cause that says something: the SDK wraps the reason in "failed to initialize". */
    private static String reason(Throwable cause) {
        String message = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
            else if (t instanceof java.net.ConnectException) message = "nothing answers at that address (connection refused)";
        }
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String version() {
        String v = ServerConnection.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Ends the session and the server: its standard input closed, then its process tree. */
    @Override
    public void close() {
        closing = true;
        try {
            client.closeGracefully().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // the transport is gone already
        }
        if (child != null && child.alive()) child.killTree();
    }
}
