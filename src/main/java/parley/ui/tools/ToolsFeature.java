package parley.ui.tools;

import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The Tools side panel: the request's functions, {@code tool_choice} and {@code parallel_tool_calls}. */
public final class ToolsFeature implements WindowFeature {
    private final ToolsViewModel tools;

    public ToolsFeature(WindowContext context) {
        this.tools = context.controls().extended().tools();
        context.window().addSidePanel("Tools", new ToolsView(tools, context.dialogs()));
    }

    /** The functions, for the tool-call cards that offer a canned result. */
    public ToolsViewModel tools() { return tools; }
}
