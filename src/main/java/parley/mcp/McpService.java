package parley.mcp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import parley.api.Tool;

/**
 * The MCP servers of the settings and the running ones: add, edit, remove, enable and import them;
 * each enabled server is started on demand (its first tools or call), and stopped when disabled,
 * removed or when the service closes. A server that fails keeps its reason and last lines in its
 * state; the others go on. All methods may block (database, keyring, processes, network): call them
 * off the JavaFX thread. Events arrive on the thread where they happened.
 */
public final class McpService implements AutoCloseable {
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger(McpService.class.getName());
    private static final int LOG_LINES = 500;
    /** The SDK logs each server's whole instructions at INFO: Parley's log keeps its warnings only. */
    private static final java.util.logging.Logger SDK_LOG = quiet(java.util.logging.Logger.getLogger("io.modelcontextprotocol"));

    private final ServerStore store;
    private final Duration startTimeout;
    private final ArgumentCheck arguments = new ArgumentCheck();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, ServerState> states = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> logs = new ConcurrentHashMap<>();
    private final List<Consumer<McpEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The threads starting a server, by its key: stopping or closing interrupts them, which ends the process. */
    private final Map<String, Thread> starting = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public McpService(ServerStore store, Duration startTimeout) {
        this.store = store;
        this.startTimeout = startTimeout;
    }

    public McpService(ServerStore store) {
        this(store, DEFAULT_START_TIMEOUT);
    }

    /** Hears every {@link McpEvent}; close the returned handle to stop. */
    public AutoCloseable addListener(Consumer<McpEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- the settings

    public List<ServerConfig> servers() {
        return store.all();
    }

    public Optional<ServerConfig> server(String name) {
        return store.find(name);
    }

    /** A sentence when servers' environment and header values are not kept past this run (no keyring). */
    public Optional<String> secretsNotice() {
        return store.secretsKept() ? Optional.empty() : Optional.of(store.secretsDescription()
                + " MCP servers' environment and header values are kept for this run only.");
    }

    /** Adds a server; refuses a name that is taken. */
    public void add(ServerConfig server) {
        if (store.find(server.name()).isPresent()) {
            throw new IllegalArgumentException("A server named " + server.name() + " exists already: choose another name,"
                    + " or remove it first.");
        }
        store.save(server);
        fire(new McpEvent.ServersChanged());
    }

    /** Replaces the server of that name (stopping it: it starts again with the new settings on demand). */
    public void edit(ServerConfig server) {
        requireServer(server.name());
        stop(server.name());
        store.save(server);
        setState(server.name(), new ServerState.Stopped(!server.enabled()));
        fire(new McpEvent.ServersChanged());
    }

    /** Adds every server of an {@code mcpServers} block, replacing those of the same names; the servers read. */
    public List<ServerConfig> importBlock(String json) {
        List<ServerConfig> found = ServersBlock.parse(json);
        for (ServerConfig server : found) {
            if (store.find(server.name()).isPresent()) stop(server.name());
            store.save(server);
            setState(server.name(), new ServerState.Stopped(!server.enabled()));
        }
        fire(new McpEvent.ServersChanged());
        return found;
    }

    /** Stops and removes the server with its secrets; false when there is none of that name. */
    public boolean remove(String name) {
        stop(name);
        boolean removed = store.remove(name);
        states.remove(key(name));
        logs.remove(key(name));
        if (removed) fire(new McpEvent.ServersChanged());
        return removed;
    }

    /** Enables the server (it starts on demand) or disables and stops it. */
    public void setEnabled(String name, boolean enabled) {
        ServerConfig server = requireServer(name);
        if (!enabled) stop(name);
        store.save(server.withEnabled(enabled));
        setState(server.name(), new ServerState.Stopped(!enabled));
        fire(new McpEvent.ServersChanged());
    }

    // ---- running servers

    public ServerState state(String name) {
        return states.getOrDefault(key(name), new ServerState.Stopped(server(name).map(s -> !s.enabled()).orElse(true)));
    }

    /** The server's standard error lines, oldest first (the last {@value #LOG_LINES}). */
    public List<String> log(String name) {
        Deque<String> lines = logs.get(key(name));
        if (lines == null) return List.of();
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Starts the server when it is not running (also a disabled one, when asked by name, e.g. from the
     * command line) and waits until it is ready or failed; the state says which.
     */
    public ServerState start(String name) throws InterruptedException {
        ServerConfig server = requireServer(name);
        Running r = running.computeIfAbsent(key(name), k -> new Running());
        synchronized (r) {
            if (r.connection != null && !r.connection.closing()) return state(name);
            if (closed) return state(name);
            setState(server.name(), new ServerState.Starting());
            starting.put(key(name), Thread.currentThread());
            try {
                ServerConnection connection = ServerConnection.open(server, startTimeout,
                        line -> logLine(server.name(), line), tools -> setState(server.name(), new ServerState.Ready(tools)));
                r.connection = connection;
                connection.ended().thenRun(() -> ended(server.name(), connection));
                setState(server.name(), new ServerState.Ready(connection.tools()));
                LOG.log(System.Logger.Level.INFO, "MCP server {0} ready: {1} tools", server.name(), connection.tools().size());
            } catch (McpException e) {
                LOG.log(System.Logger.Level.WARNING, "MCP server {0} failed: {1}", server.name(), e.getMessage());
                setState(server.name(), new ServerState.Failed(e.getMessage(), e.lastLines()));
            } catch (InterruptedException e) {
                setState(server.name(), new ServerState.Stopped(!server.enabled()));
                if (!stopped(name)) throw e;
            } finally {
                starting.remove(key(name));
            }
            return state(name);
        }
    }

    /** The tools of one server, starting it when needed; an {@link McpException} when it cannot start. */
    public List<McpTool> tools(String name) throws McpException, InterruptedException {
        ServerState state = start(name);
        if (state instanceof ServerState.Ready ready) return ready.tools();
        if (state instanceof ServerState.Failed failed) throw new McpException(failed.reason(), failed.lastLines());
        throw new McpException("The server " + name + " is " + state.summary() + ".", List.of());
    }

    /**
     * The tools of every enabled server, for a request's {@code tools}: each server started when
     * needed (those that fail are left out; their state says why).
     */
    public List<Tool> requestTools() throws InterruptedException {
        List<Tool> tools = new ArrayList<>();
        for (ServerConfig server : store.all()) {
            if (!server.enabled()) continue;
            if (start(server.name()) instanceof ServerState.Ready ready) {
                ready.tools().forEach(t -> tools.add(t.toApiTool()));
            }
        }
        return tools;
    }

    /**
     * Calls a tool by its request name ({@code server__tool}, as {@link #requestTools()} gave it) with
     * the arguments the model wrote. Never throws for what the model or a server did wrong: an unknown
     * tool, arguments that do not match its schema, a server that failed or ended are error results
     * whose text says why. Interrupting the calling thread cancels the call.
     */
    public ToolResult call(String uniqueName, String argumentsJson) throws InterruptedException {
        long started = System.nanoTime();
        for (ServerConfig server : store.all()) {
            if (!server.enabled() || !uniqueName.startsWith(server.name() + "__")) continue;
            ServerState state = start(server.name());
            if (state instanceof ServerState.Ready ready) {
                Optional<McpTool> tool = ready.tools().stream().filter(t -> t.uniqueName().equals(uniqueName)).findFirst();
                if (tool.isPresent()) return call(tool.get(), argumentsJson);
            } else if (state instanceof ServerState.Failed failed) {
                return ToolResult.error("The tool " + uniqueName + " cannot be called: " + failed.reason(), since(started));
            }
        }
        return ToolResult.error("No enabled MCP server has a tool named " + uniqueName + ".", since(started));
    }

    /** Calls a tool by its server's name and its own name (the command line's and the panel's Test). */
    public ToolResult call(String server, String tool, String argumentsJson) throws McpException, InterruptedException {
        Optional<McpTool> found = tools(server).stream().filter(t -> t.name().equals(tool)).findFirst();
        if (found.isEmpty()) {
            throw new McpException("The server " + server + " has no tool named " + tool + ": its tools are "
                    + String.join(", ", tools(server).stream().map(McpTool::name).toList()) + ".", List.of());
        }
        return call(found.get(), argumentsJson);
    }

    /** Why {@code argumentsJson} would be refused for {@code tool}; empty when it would be sent. */
    public List<String> violations(McpTool tool, String argumentsJson) {
        return arguments.check(tool.inputSchema(), argumentsJson) instanceof ArgumentCheck.Refused refused
                ? refused.violations() : List.of();
    }

    /** Calls {@code tool} after checking the arguments against its input schema. */
    public ToolResult call(McpTool tool, String argumentsJson) throws InterruptedException {
        long started = System.nanoTime();
        ArgumentCheck.Outcome checked = arguments.check(tool.inputSchema(), argumentsJson);
        if (checked instanceof ArgumentCheck.Refused refused) {
            return ToolResult.error("The arguments do not match the input schema of " + tool.name() + ", so it was not"
                    + " called:\n- " + String.join("\n- ", refused.violations()), since(started));
        }
        ServerConnection connection = connection(tool.server());
        if (connection == null && start(tool.server()) instanceof ServerState.Failed failed) {
            return ToolResult.error("The tool " + tool.uniqueName() + " cannot be called: " + failed.reason(), since(started));
        }
        connection = connection == null ? connection(tool.server()) : connection;
        if (connection == null) return ToolResult.error("The server " + tool.server() + " is not running.", since(started));
        try {
            return Results.of(connection.call(tool.name(), ((ArgumentCheck.Accepted) checked).arguments()), since(started));
        } catch (McpException e) {
            if (!connection.alive()) ended(tool.server(), connection);
            String lines = e.lastLines().isEmpty() ? "" : "\nIts last lines:\n" + String.join("\n", e.lastLines());
            return ToolResult.error(e.getMessage() + lines, since(started));
        }
    }

    private ServerConnection connection(String server) {
        Running r = running.get(key(server));
        return r == null ? null : r.connection;
    }

    /** Stops the server when it runs; its state becomes stopped. */
    public void stop(String name) {
        Running r = running.remove(key(name));
        Thread starter = starting.get(key(name));
        if (starter != null && starter != Thread.currentThread()) starter.interrupt();
        if (r == null) return;
        synchronized (r) {
            if (r.connection != null) r.connection.close();
            r.connection = null;
        }
        server(name).ifPresent(s -> setState(s.name(), new ServerState.Stopped(!s.enabled())));
    }

    /** Stops every server (their processes and what they started). */
    @Override
    public void close() {
        closed = true;
        starting.values().forEach(Thread::interrupt);
        List.copyOf(running.keySet()).forEach(this::stopQuietly);
        running.clear();
    }

    /** True when a start was interrupted because the server was stopped, not its caller. */
    private boolean stopped(String name) {
        return closed || !running.containsKey(key(name));
    }

    private void stopQuietly(String key) {
        Running r = running.remove(key);
        if (r != null && r.connection != null) r.connection.close();
    }

    private synchronized void ended(String name, ServerConnection connection) {
        if (connection.closing()) return;
        Running r = running.get(key(name));
        if (r != null && r.connection == connection) {
            r.connection = null;
            McpException why = connection.endedFailure("");
            LOG.log(System.Logger.Level.WARNING, "MCP server {0} ended: {1}", name, why.getMessage());
            setState(name, new ServerState.Failed(why.getMessage(), why.lastLines()));
        }
    }

    private ServerConfig requireServer(String name) {
        return store.find(name).orElseThrow(() -> new IllegalArgumentException("There is no MCP server named " + name
                + ": see the list of servers (parley mcp list)."));
    }

    private void logLine(String server, String line) {
        Deque<String> lines = logs.computeIfAbsent(key(server), k -> new ArrayDeque<>());
        synchronized (lines) {
            if (lines.size() == LOG_LINES) lines.removeFirst();
            lines.addLast(line);
        }
        fire(new McpEvent.LogLine(server, line));
    }

    private void setState(String server, ServerState state) {
        states.put(key(server), state);
        fire(new McpEvent.StateChanged(server, state));
    }

    private void fire(McpEvent event) {
        for (Consumer<McpEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an MCP listener failed", e);
            }
        }
    }

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Running {
        volatile ServerConnection connection;
    }
}
