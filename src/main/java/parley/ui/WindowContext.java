package parley.ui;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import parley.chat.ChatService;
import parley.engine.EngineHost;
import parley.network.NetworkService;
import parley.store.AppState;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.team.TeamService;
import parley.ui.chat.ChatExtensions;
import parley.ui.chat.ChatViewModel;
import parley.ui.settings.WindowMemory;

/**
 * What a {@link WindowFeature} may use: the window's places ({@code window}), the chat service and
 * the transcript's view model, the controls that shape the next request, the database the
 * features' services open on, the network settings (proxy, certificates) the providers' clients use,
 * the executor for all background work, the way back to the FX thread, the dialogs, the
 * built-in engine (the provider "This computer"), what the window remembers of last time, and the
 * link to a team workspace (closed with the window).
 */
public record WindowContext(MainWindow window, ChatService chat, ChatViewModel chatModel,
                            RequestControls controls, Database database, NetworkService network, Executor background,
                            UiThread ui, Dialogs dialogs, EngineHost engine, WindowMemory memory, TeamService team) {
    /**
     * A context whose memory reads the database when asked, on the background executor, and whose
     * team service keeps its password for this run only.
     */
    public WindowContext(MainWindow window, ChatService chat, ChatViewModel chatModel, RequestControls controls,
                         Database database, NetworkService network, Executor background, UiThread ui, Dialogs dialogs,
                         EngineHost engine) {
        this(window, chat, chatModel, controls, database, network, background, ui, dialogs, engine,
                new WindowMemory(new AppState(new Settings(database)), background, ui),
                new TeamService(database, new SessionSecrets("kept for this run only"), Map.of(), Clock.systemDefaultZone()));
    }

    /** What a feature may add to the chat: a send guard, a cost on a reply, a note under the composer. */
    public ChatExtensions chatExtensions() {
        return chatModel;
    }
}
