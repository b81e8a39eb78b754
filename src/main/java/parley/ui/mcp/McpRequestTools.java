package parley.ui.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import parley.api.Tool;
import parley.mcp.McpEvent;
import parley.mcp.McpService;
import parley.mcp.ServerConfig;
import parley.mcp.ServerState;
import parley.ui.UiThread;

/**
 * Keeps the enabled MCP servers' tools in the request: when the servers change (and when the window
 * is shown) the enabled ones are started and their tools handed on, off the FX thread; when a
 * server's state changes, the tools of those that are ready are handed on without starting any (a
 * failed server is not started again and again).
 */
final class McpRequestTools implements AutoCloseable {
    private final McpService service;
    private final Executor background;
    private final UiThread ui;
    private final Consumer<List<Tool>> toRequest;
    private final AutoCloseable events;

    /** {@code toRequest} gets the tools on the FX thread. */
    McpRequestTools(McpService service, Executor background, UiThread ui, Consumer<List<Tool>> toRequest) {
        this.service = service;
        this.background = background;
        this.ui = ui;
        this.toRequest = toRequest;
        this.events = service.addListener(event -> {
            switch (event) {
                case McpEvent.ServersChanged changed -> startAndPublish();
                case McpEvent.StateChanged changed when !(changed.state() instanceof ServerState.Starting) -> publishReady();
                default -> { }
            }
        });
    }

    /** Starts the enabled servers and hands on their tools. */
    void startAndPublish() {
        background.execute(() -> {
            try {
                List<Tool> tools = service.requestTools();
                ui.run(() -> toRequest.accept(tools));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void publishReady() {
        background.execute(() -> {
            List<Tool> tools = new ArrayList<>();
            for (ServerConfig server : service.servers()) {
                if (server.enabled() && service.state(server.name()) instanceof ServerState.Ready ready) {
                    ready.tools().forEach(tool -> tools.add(tool.toApiTool()));
                }
            }
            ui.run(() -> toRequest.accept(tools));
        });
    }

    @Override
    public void close() {
        try {
            events.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
