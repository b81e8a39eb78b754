package parley.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.InvalidationListener;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.api.RequestValidator;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.log.ReportingExecutor;
import parley.provider.LocalServerDetector;
import parley.provider.ModelListParser;
import parley.store.Database;
import parley.store.PresetStore;
import parley.store.SecretStore;
import parley.store.Settings;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;
import parley.ui.code.CodePanel;
import parley.ui.help.SupportFeature;
import parley.ui.history.HistoryFeature;
import parley.ui.models.ProviderBar;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParamsView;
import parley.ui.params.ParamsViewModel;
import parley.ui.params.PresetsView;
import parley.ui.params.PresetsViewModel;
import parley.ui.request.RequestView;
import parley.ui.request.RequestViewModel;
import parley.ui.settings.AppearanceMenu;
import parley.ui.settings.AppearanceViewModel;
import parley.ui.settings.ThemeChoice;
import parley.ui.settings.WindowMemory;
import parley.store.AppState;
import parley.ui.usage.UsageFeature;

/**
 * Builds the window from the services: the database, the chat service, the view models and their
 * views, and keeps the chat service's settings and the request view in step with the controls.
 */
public final class WindowAssembly implements AutoCloseable {
    static final String THEME_KEY = "ui.theme";
    static final String FONT_KEY = "ui.font_size";

    private final ExecutorService background = new ReportingExecutor(Executors.newVirtualThreadPerTaskExecutor());
    private final UiThread ui;
    private final Database database;
    private final Settings settings;
    private final AppearanceViewModel appearance = new AppearanceViewModel();
    private final ParamsViewModel params = new ParamsViewModel();
    private final ProviderViewModel providers;
    private final RequestViewModel request;
    private final WindowBackends backends;
    private final ChatService chat;
    private final PresetsViewModel presets;
    private UsageFeature usage;
    private final MainWindow window = new MainWindow();
    private final ChatViewModel chatModel;
    private final ChatView chatView;
    private volatile String draft = "";
    private final HistoryFeature history;
    private final WindowMemory memory;
    private final SupportFeature support;

    private WindowAssembly(Database database, Map<String, String> env, UiThread ui) {
        this.ui = ui;
        this.database = database;
        this.settings = new Settings(database);
        this.providers = new ProviderViewModel(this::fetchPricedModels, () -> new LocalServerDetector().detect(),
                SecretStore.open(), env, background, ui);
        this.request = new RequestViewModel(() -> chatService().nextRequest(draft), ui);
        this.backends = new WindowBackends(providers::keyFor, request.tap());
        this.chat = new ChatService(backends, WindowAssembly::check);
        this.presets = new PresetsViewModel(new PresetStore(database), params, background, ui);
        this.chatModel = new ChatViewModel(chat, ui);
        this.chatView = new ChatView(chatModel);
        restoreAppearance();
        this.memory = new WindowMemory(new AppState(settings), background);
        memory.keep(params);
        memory.keep(providers);
        build();
        this.usage = UsageFeature.install(window, chat, database, background, ui);
        usage.attach(chatModel);
        this.history = HistoryFeature.install(database, chat, window, background, ui);
        history.recorder().setKnownKeys(() -> java.util.Arrays.asList(providers.apiKey()));
        history.connect(chatModel);
        this.support = SupportFeature.install(window, chat, database, providers, background, ui);
        syncSettings();
    }

    /** Opens the database in the data folder and builds the window. */
    public static WindowAssembly open(Map<String, String> env, UiThread ui) {
        return new WindowAssembly(Database.openDefault(), env, ui);
    }

    /** Builds the window on an open database (closed with the window). */
    public static WindowAssembly open(Database database, Map<String, String> env, UiThread ui) {
        return new WindowAssembly(database, env, ui);
    }

    public MainWindow window() { return window; }
    public AppearanceViewModel appearance() { return appearance; }
    public ParamsViewModel params() { return params; }
    public ProviderViewModel providers() { return providers; }
    public RequestViewModel request() { return request; }
    public PresetsViewModel presets() { return presets; }
    public ChatService chat() { return chat; }
    public ChatViewModel chatModel() { return chatModel; }
    public HistoryFeature history() { return history; }
    public WindowMemory memory() { return memory; }
    public SupportFeature support() { return support; }
    /** The open database (for tests that look at what was stored). */
    public Database database() { return database; }

    /** How a link in a reply is opened once the user confirmed it. */
    public void setLinkOpener(java.util.function.Consumer<String> opener) { chatView.setLinkOpener(opener); }

    /** Work that waits until the window is on screen: local server detection and the model list. */
    public void windowShown() {
        java.util.List<String> notices = new java.util.ArrayList<>();
        database.recoveryNotice().ifPresent(notices::add);
        if (!providers.keysPersist()) notices.add(providers.keyStorage());
        if (!notices.isEmpty()) history.model().report(String.join("\n", notices));
        providers.detectLocalServers();
        providers.refreshModels();
        presets.refresh();
    }

    /** The composer's unsent text, so the request view shows it as the last user message. */
    public void draftChanged(String text) {
        draft = text == null ? "" : text;
        request.refresh();
    }

    public void focusComposer() { chatView.focusComposer(); }

    private ChatService chatService() { return chat; }

    private void build() {
        window.setMain(chatView);
        window.listShortcuts(ChatView.shortcuts());
        chatModel.draftProperty().addListener((o, old, now) -> draftChanged(now));
        ProviderBar bar = new ProviderBar(providers);
        window.addToToolbar(bar);
        window.addToToolbarEnd(new AppearanceMenu(appearance));
        window.styleProperty().bind(appearance.fontSizeProperty().asString("-fx-font-size: %dpx;"));
        ParamsView paramsView = new ParamsView(params);
        paramsView.setTop(new PresetsView(presets));
        window.addSidePanel("Parameters", paramsView);
        window.addSidePanel("Request", new RequestView(request));
        window.addSidePanel("Code", CodePanel.following(request, providers, background, ui));
        shortcuts(bar);
    }

    private void shortcuts(ProviderBar bar) {
        window.addShortcut(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), "Ctrl+M",
                "Search the models", bar.picker()::open);
        window.addShortcut(new KeyCodeCombination(KeyCode.F5), "F5", "Reload the model list", providers::refreshModels);
        window.addShortcut(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), "Ctrl+=",
                "Larger text", appearance::biggerFont);
        window.addShortcut(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), "Ctrl+-",
                "Smaller text", appearance::smallerFont);
        window.addShortcut(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), "Ctrl+0",
                "Default text size", () -> appearance.setFontSize(AppearanceViewModel.DEFAULT_FONT));
    }

    private void syncSettings() {
        InvalidationListener sync = o -> pushSettings();
        params.revision().addListener(sync);
        providers.providerProperty().addListener(sync);
        providers.modelProperty().addListener(sync);
        chat.addListener(event -> {
            if (event instanceof ChatEvent.Started || event instanceof ChatEvent.Ended) ui.run(request::refresh);
        });
        pushSettings();
    }

    private void pushSettings() {
        chat.setSettings(params.applyTo(providers.applyTo(chat.settings())));
        request.refresh();
        if (usage != null) usage.draftChanged(draft);
    }

    private void restoreAppearance() {
        settings.getString(THEME_KEY).flatMap(ThemeChoice::parse).ifPresent(appearance::choose);
        settings.getInt(FONT_KEY).ifPresent(appearance::setFontSize);
        appearance.choiceProperty().addListener((o, old, now) ->
                background.execute(() -> settings.putString(THEME_KEY, now.name())));
        appearance.fontSizeProperty().addListener((o, old, now) ->
                background.execute(() -> settings.putInt(FONT_KEY, now.intValue())));
    }

    private static void check(parley.api.ChatRequest r) {
        List<String> problems = RequestValidator.problems(r);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /** The model list, whose prices (Atlas Cloud sends them) also go to the usage tracker. */
    private List<parley.provider.ModelInfo> fetchPricedModels(parley.provider.ProviderProfile profile, String key)
            throws parley.api.ApiException {
        List<parley.provider.ModelInfo> models = fetchModels(profile, key);
        return usage == null ? models : usage.pricesFrom(profile.id(), models);
    }

    private static List<parley.provider.ModelInfo> fetchModels(parley.provider.ProviderProfile profile, String key)
            throws parley.api.ApiException {
        try (ChatClient client = new ChatClient(ClientConfig.of(profile.baseUrl(), key))) {
            return ModelListParser.parse(client.fetchModels().toString());
        }
    }

    @Override
    public void close() {
        support.close();
        chatModel.close();
        chat.stop();
        history.close();
        backends.close();
        background.shutdownNow();
        database.close();
    }

}
