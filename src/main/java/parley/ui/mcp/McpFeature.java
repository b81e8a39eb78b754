package parley.ui.mcp;

import parley.mcp.McpService;
import parley.mcp.ServerStore;
import parley.store.SecretStore;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The MCP panel: the servers of the settings, their states, tools and logs, and a tool tried by
 * hand. The servers it starts end with the window ({@link #close()}).
 */
public final class McpFeature implements WindowFeature {
    private final McpService service;
    private final McpViewModel model;
    private final McpRequestTools requestTools;

    public McpFeature(WindowContext context) {
        this(context, new McpService(new ServerStore(context.database(), SecretStore::open)));
    }

    McpFeature(WindowContext context, McpService service) {
        this.service = service;
        this.model = new McpViewModel(service, context.background(), context.ui());
        McpToolConsent consent = new McpToolConsent(service, context.database(), context.background(), context.ui());
        context.chatExtensions().offerToolRunner(consent);
        this.requestTools = new McpRequestTools(service, context.background(), context.ui(), tools -> {
            consent.offer(tools);
            context.controls().setAddedTools(tools);
        });
        context.window().addSidePanel("MCP", new McpView(model,
                () -> context.dialogs().chooseOpen("Open an mcpServers block", "*.json")));
    }

    /** The servers and their tools, for the requests of the chat. */
    public McpService service() {
        return service;
    }

    public McpViewModel model() {
        return model;
    }

    @Override
    public void windowShown() {
        model.refresh();
        requestTools.startAndPublish();
    }

    /** Stops every server the window started, with what they started. */
    @Override
    public void close() {
        requestTools.close();
        model.close();
        service.close();
    }
}
