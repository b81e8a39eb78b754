package parley.ui.tools;

import parley.store.Settings;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The Tools side panel: the request's functions, {@code tool_choice} and {@code parallel_tool_calls};
 * the functions and their canned results are kept for the next run.
 */
public final class ToolsFeature implements WindowFeature {
    private final ToolsViewModel tools;
    private final ToolsMemory memory;

    public ToolsFeature(WindowContext context) {
        this.tools = context.controls().extended().tools();
        this.memory = new ToolsMemory(new Settings(context.database()), context.background(), context.ui());
        memory.keep(tools);
        context.window().addSidePanel("Tools", new ToolsView(tools, context.dialogs(),
                context.controls().params().capabilitiesProperty()));
    }

    /** The functions, for the tool-call cards that offer a canned result. */
    public ToolsViewModel tools() { return tools; }

    @Override
    public void close() {
        memory.stop();
    }
}
