package parley.ui;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.engine.EngineHost;
import parley.network.NetworkService;
import parley.network.NetworkSettingsStore;
import parley.store.Database;
import parley.store.Settings;
import parley.store.SessionSecrets;
import parley.testing.MarksInMemory;
import parley.ui.chat.ChatViewModel;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParamsViewModel;
import parley.ui.request.RequestViewModel;

/** A {@link WindowContext} for installing one feature in a test, with controls that show the chat's settings. */
public final class TestWindow {
    private TestWindow() {}

    /** The controls start from the chat's settings as the test set them; model lists come back empty. */
    public static WindowContext context(MainWindow window, ChatService chat, ChatViewModel chatModel, Database database,
                                        Executor background, UiThread ui, Dialogs dialogs) {
        return context(window, chat, chatModel, database, background, ui, dialogs,
                EngineHost.forApp(Path.of(System.getProperty("java.io.tmpdir"))));
    }

    /** As above, with the built-in engine's host given (nothing starts until a model is used). */
    public static WindowContext context(MainWindow window, ChatService chat, ChatViewModel chatModel, Database database,
                                        Executor background, UiThread ui, Dialogs dialogs, EngineHost engine) {
        ChatSettings wanted = chat.settings();
        ProviderViewModel providers = new ProviderViewModel((profile, key) -> List.of(), List::of,
                new SessionSecrets("kept for this test only"), new MarksInMemory(), Map.of(), background, ui);
        RequestViewModel request = new RequestViewModel(() -> chat.nextRequest(chatModel.draftProperty().get()), ui);
        RequestControls controls = new RequestControls(chat, chatModel, new ParamsViewModel(),
                ExtendedControls.create(background, ui), providers, request, ui);
        controls.show(wanted);
        NetworkService network = new NetworkService(new NetworkSettingsStore(new Settings(database),
                new SessionSecrets("kept for this test only")), Map.of(), ProxySelector.getDefault(), transport -> { });
        return new WindowContext(window, chat, chatModel, controls, database, network, background, ui, dialogs, engine);
    }
}
