package parley.ui.chat;

import java.util.function.Consumer;

/**
 * Runs the tools a reply calls that another feature can run (the MCP servers' tools), with the
 * user's consent: a tool the user allowed runs at once, the others when the user presses Run.
 * Called on the FX thread; {@link #run} works off it.
 */
public interface ToolRunner {
    /** Runs nothing: every call waits for a result typed by the user. */
    ToolRunner NONE = new ToolRunner() {
        @Override public boolean runs(String toolName) { return false; }
        @Override public boolean allowed(String toolName) { return false; }
        @Override public void allow(String toolName) { }
        @Override public Runnable run(String toolName, String arguments, Consumer<String> done) {
            throw new IllegalStateException("No tool can be run here.");
        }
    };

    /** Whether this runner can run the tool. */
    boolean runs(String toolName);

    /** Whether the user allowed the tool to run without asking. */
    boolean allowed(String toolName);

    /** Remembers that the tool may run without asking. */
    void allow(String toolName);

    /**
     * Starts the call off the FX thread; {@code done} gets the text the model is sent back, on the FX
     * thread. The answer cancels the call (a cancelled call calls {@code done} with a note).
     */
    Runnable run(String toolName, String arguments, Consumer<String> done);
}
