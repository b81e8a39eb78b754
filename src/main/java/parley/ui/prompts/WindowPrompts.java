package parley.ui.prompts;

import java.time.Clock;
import java.util.function.Supplier;
import parley.team.PromptLibraries;
import parley.store.SecretStore;
import parley.team.TeamService;
import parley.ui.WindowContext;

/** The window's prompt libraries, opened once on first use off the JavaFX thread: the keyring may take seconds to answer. */
final class WindowPrompts implements Supplier<PromptLibraries>, AutoCloseable {
    private final WindowContext context;
    private TeamService team;
    private PromptLibraries service;

    WindowPrompts(WindowContext context) {
        this.context = context;
    }

    @Override
    public synchronized PromptLibraries get() {
        if (service == null) {
            team = new TeamService(context.database(), SecretStore.open(), System.getenv(), Clock.systemDefaultZone());
            service = new PromptLibraries(context.database(), team, Clock.systemUTC());
        }
        return service;
    }

    @Override
    public synchronized void close() {
        if (team != null) team.close();
    }
}
