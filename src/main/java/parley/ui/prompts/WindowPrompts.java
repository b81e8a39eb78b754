package parley.ui.prompts;

import java.time.Clock;
import java.util.function.Supplier;
import parley.team.PromptLibraries;
import parley.ui.WindowContext;

/** The window's prompt libraries over the window's one team service, made on first use off the JavaFX thread. */
final class WindowPrompts implements Supplier<PromptLibraries>, AutoCloseable {
    private final WindowContext context;
    private PromptLibraries service;

    WindowPrompts(WindowContext context) {
        this.context = context;
    }

    @Override
    public synchronized PromptLibraries get() {
        if (service == null) {
            service = new PromptLibraries(context.database(), context.team(), Clock.systemUTC());
        }
        return service;
    }

    /** The team service is the window's, closed with it. */
    @Override
    public void close() {
        // nothing of its own to close
    }
}
