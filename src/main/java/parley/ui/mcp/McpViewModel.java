package parley.ui.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.mcp.McpEvent;
import parley.mcp.McpService;
import parley.mcp.McpTool;
import parley.mcp.ResultPart;
import parley.mcp.ServerConfig;
import parley.mcp.ServerState;
import parley.mcp.ToolResult;
import parley.ui.UiThread;

/**
 * The MCP panel's state: the servers with their states, the chosen server's tools and log, and a
 * tool's test result. Every call to the service runs on {@code background}; results come back
 * through {@code ui}. Commands refuse bad input with a message in {@link #messageProperty()}.
 */
public final class McpViewModel implements AutoCloseable {
    /** A server as the list shows it. */
    public record ServerRow(String name, boolean enabled, String target, ServerState state) {
        public String stateText() {
            return state.summary();
        }
    }

    private final McpService service;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<ServerRow> servers = FXCollections.observableArrayList();
    private final ObservableList<McpTool> tools = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ServerRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AutoCloseable listening;

    public McpViewModel(McpService service, Executor background, UiThread ui) {
        this.service = service;
        this.background = background;
        this.ui = ui;
        this.listening = service.addListener(this::heard);
    }

    // ---- properties

    public ObservableList<ServerRow> servers() { return FXCollections.unmodifiableObservableList(servers); }
    public ObservableList<McpTool> tools() { return FXCollections.unmodifiableObservableList(tools); }
    public ReadOnlyObjectProperty<ServerRow> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty logProperty() { return log.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    // ---- commands

    /** Reads the servers again (and the chosen one's tools and log). */
    public void refresh() {
        String chosen = selected.get() == null ? null : selected.get().name();
        background.execute(() -> {
            List<ServerRow> rows = service.servers().stream().map(this::row).toList();
            ui.run(() -> {
                servers.setAll(rows);
                ServerRow again = rows.stream().filter(r -> r.name().equals(chosen)).findFirst().orElse(null);
                showServer(again);
            });
        });
    }

    /** Chooses a server: its tools (starting it when enabled) and its log. */
    public void select(ServerRow row) {
        showServer(row);
        if (row != null && row.enabled()) start(row.name());
    }

    public void start(String name) {
        run(() -> service.start(name));
    }

    /** Adds a server from a name and a command line (split at spaces) or an http(s) URL. */
    public void add(String name, String commandOrUrl) {
        String target = commandOrUrl == null ? "" : commandOrUrl.strip();
        if (target.isEmpty()) {
            message.set("Give the server's command (e.g. npx -y PACKAGE) or its URL.");
            return;
        }
        ServerConfig server;
        try {
            List<String> words = Arrays.asList(target.split("\\s+"));
            server = target.startsWith("http://") || target.startsWith("https://")
                    ? ServerConfig.http(name == null ? "" : name.strip(), target, Map.of())
                    : ServerConfig.stdio(name == null ? "" : name.strip(), words.getFirst(), words.subList(1, words.size()), Map.of());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        run(() -> {
            service.add(server);
            return null;
        }, "Added " + server.name() + ".");
    }

    /** Imports an {@code mcpServers} block from pasted text. */
    public void importBlock(String text) {
        run(() -> service.importBlock(text), null);
    }

    /** Imports an {@code mcpServers} block from a file. */
    public void importFile(Path file) {
        run(() -> {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
            }
            return service.importBlock(text);
        }, null);
    }

    public void remove(String name) {
        run(() -> service.remove(name), "Removed " + name + ".");
    }

    public void setEnabled(String name, boolean enabled) {
        run(() -> {
            service.setEnabled(name, enabled);
            return null;
        }, null);
    }

    /** Calls {@code tool} with the form's values; the result (or why it was refused) in {@link #resultProperty()}. */
    public void test(McpTool tool, Map<String, String> values) {
        String arguments;
        try {
            arguments = ToolForm.of(tool.inputSchema()).arguments(values);
        } catch (IllegalArgumentException e) {
            result.set(e.getMessage());
            return;
        }
        result.set("Calling " + tool.name() + "…");
        background.execute(() -> {
            String shown;
            try {
                shown = show(service.call(tool, arguments));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shown = "Stopped.";
            }
            String text = shown;
            ui.run(() -> result.set(text));
        });
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (Exception e) {
            // nothing held
        }
    }

    private static String show(ToolResult r) {
        List<String> lines = new ArrayList<>();
        lines.add((r.isError() ? "Error" : "Result") + " in " + r.elapsed().toMillis() + " ms:");
        for (ResultPart part : r.content()) {
            lines.add(switch (part) {
                case ResultPart.Text t -> t.text();
                case ResultPart.Image i -> "[image " + i.mimeType() + ", " + i.base64().length() * 3 / 4 + " bytes]";
            });
        }
        return String.join("\n", lines);
    }

    private ServerRow row(ServerConfig s) {
        return new ServerRow(s.name(), s.enabled(), s.target(), service.state(s.name()));
    }

    private void showServer(ServerRow row) {
        selected.set(row);
        if (row == null) {
            tools.clear();
            log.set("");
            return;
        }
        List<McpTool> now = row.state() instanceof ServerState.Ready ready ? ready.tools() : List.of();
        if (!tools.equals(now)) tools.setAll(now); // a refresh that changed nothing keeps the chosen tool
        List<String> lines = new ArrayList<>(service.log(row.name()));
        if (row.state() instanceof ServerState.Failed failed && lines.isEmpty()) lines.addAll(failed.lastLines());
        log.set(String.join("\n", lines));
    }

    private void heard(McpEvent event) {
        if (event instanceof McpEvent.LogLine line) {
            ui.run(() -> {
                if (selected.get() != null && selected.get().name().equalsIgnoreCase(line.server())) {
                    log.set(log.get().isEmpty() ? line.line() : log.get() + "\n" + line.line());
                }
            });
        } else {
            refresh();
        }
    }

    private interface Work {
        Object run() throws InterruptedException;
    }

    private void run(Work work) {
        run(work, null);
    }

    private void run(Work work, String done) {
        background.execute(() -> {
            try {
                work.run();
                if (done != null) ui.run(() -> message.set(done));
            } catch (IllegalArgumentException e) {
                ui.run(() -> message.set(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
