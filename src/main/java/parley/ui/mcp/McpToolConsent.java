package parley.ui.mcp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import parley.api.Tool;
import parley.mcp.McpService;
import parley.store.Database;
import parley.store.Settings;
import parley.ui.UiThread;
import parley.ui.chat.ToolRunner;

/**
 * Runs the MCP servers' tools the model calls, for the transcript's tool-call cards: the tools in
 * the request are known by their names ({@code server__tool}), and the ones the user allowed to run
 * without asking are kept in the settings, one per line under {@link #ALLOWED_KEY}.
 */
final class McpToolConsent implements ToolRunner {
    static final String ALLOWED_KEY = "mcp.allowed_tools";

    private final McpService service;
    private final Database database;
    private final Executor background;
    private final UiThread ui;
    private final Set<String> offered = ConcurrentHashMap.newKeySet();
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    McpToolConsent(McpService service, Database database, Executor background, UiThread ui) {
        this.service = service;
        this.database = database;
        this.background = background;
        this.ui = ui;
        background.execute(() -> new Settings(database).getString(ALLOWED_KEY)
                .ifPresent(saved -> saved.lines().filter(line -> !line.isBlank()).forEach(allowed::add)));
    }

    /** The MCP tools the request now carries. */
    void offer(List<Tool> tools) {
        offered.clear();
        tools.forEach(tool -> offered.add(tool.name()));
    }

    @Override
    public boolean runs(String toolName) {
        return toolName != null && offered.contains(toolName);
    }

    @Override
    public boolean allowed(String toolName) {
        return allowed.contains(toolName);
    }

    @Override
    public void allow(String toolName) {
        allowed.add(toolName);
        String saved = String.join("\n", allowed.stream().sorted().toList());
        background.execute(() -> new Settings(database).putString(ALLOWED_KEY, saved));
    }

    @Override
    public Runnable run(String toolName, String arguments, Consumer<String> done) {
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        background.execute(() -> {
            worker.set(Thread.currentThread());
            String text;
            try {
                text = cancelled.get() ? stopped(toolName) : service.call(toolName, arguments).forModel();
            } catch (InterruptedException e) {
                text = stopped(toolName);
            } finally {
                worker.set(null);
                Thread.interrupted();
            }
            String result = text;
            ui.run(() -> done.accept(result));
        });
        return () -> {
            cancelled.set(true);
            Thread running = worker.get();
            if (running != null) running.interrupt();
        };
    }

    private static String stopped(String toolName) {
        return "Error: the call of " + toolName + " was stopped by the user.";
    }
}
