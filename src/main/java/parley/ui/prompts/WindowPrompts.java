package parley.ui.prompts;

import java.time.Clock;
import java.util.function.Supplier;
import parley.prompt.PromptService;
import parley.store.SecretStore;
import parley.team.TeamService;
import parley.ui.WindowContext;

/** The window's prompt libraries, opened once on first use off the JavaFX thread: the keyring may take seconds to answer. */
final class WindowPrompts implements Supplier<PromptService>, AutoCloseable {
    private final WindowContext context;
    private TeamService team;
    private PromptService service;

    WindowPrompts(WindowContext context) {
        this.context = context;
    }

    @Override
    public synchronized PromptService get() {
        if (service == null) {
            team = new TeamService(context.database(), SecretStore.open(), System.getenv(), Clock.systemDefaultZone());
            service = new PromptService(context.database(), team, Clock.systemUTC());
        }
        return service;
    }

    @Override
    public synchronized void close() {
        if (team != null) team.close();
    }
}
