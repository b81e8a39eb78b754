package parley.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.net.ProxySelector;
import java.util.Optional;
import parley.api.ApiException;
import parley.api.ChatRequest;
import parley.api.RequestValidator;
import parley.api.Transport;
import parley.app.AppDatabase;
import parley.app.InputLimits;
import parley.chat.ProviderBackends;
import parley.network.NetworkService;
import parley.network.NetworkSettingsStore;
import parley.provider.ApiKey;
import parley.provider.EndUserStore;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.chat.ChatService;
import parley.engine.EngineBackend;
import parley.engine.EngineHost;
import parley.log.LogSecrets;
import parley.log.ReportingExecutor;
import parley.provider.LocalServerDetector;
import parley.provider.ModelInfo;
import parley.provider.ModelListParser;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import parley.store.AppState;
import parley.store.DataFolder;
import parley.store.Database;
import parley.store.SecretStore;
import parley.store.Settings;
import parley.team.TeamService;
import parley.ui.chat.ChatFeature;
import parley.ui.chat.ChatViewModel;
import parley.ui.code.CodeFeature;
import parley.ui.context.ContextFeature;
import parley.ui.engine.EngineFeature;
import parley.ui.experiment.ExperimentsFeature;
import parley.ui.mcp.McpFeature;
import parley.ui.help.SupportFeature;
import parley.ui.history.HistoryFeature;
import parley.ui.models.ModelsFeature;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParametersFeature;
import parley.ui.params.ParamsViewModel;
import parley.ui.params.PresetsViewModel;
import parley.ui.request.RequestFeature;
import parley.ui.request.RequestViewModel;
import parley.ui.settings.AppearanceFeature;
import parley.ui.settings.AppearanceViewModel;
import parley.ui.settings.NetworkFeature;
import parley.ui.settings.NetworkViewModel;
import parley.ui.settings.WindowMemory;
import parley.ui.team.TeamFeature;
import parley.ui.tools.ToolsFeature;
import parley.ui.prompts.PromptsFeature;
import parley.ui.usage.UsageFeature;
import parley.usage.LocalMarkStore;

/**
 * Builds the window: the chat service with the controls that shape its requests (restored from the
 * last run), the context the features share, and every {@link WindowFeature} of {@link #FEATURES},
 * in that order (the order of the tool bar's controls and of the side panels' tabs).
 */
public final class WindowAssembly implements AutoCloseable {
    /** Every feature of the window. Adding one is a class and a line here. */
    static final List<WindowFeature.Installer> FEATURES = List.of(ChatFeature::new, ModelsFeature::new,
            NetworkFeature::new, AppearanceFeature::new, ParametersFeature::new, ToolsFeature::new, RequestFeature::new,
            CodeFeature::new, UsageFeature::new, ContextFeature::new, HistoryFeature::new,
            SupportFeature::new, EngineFeature::new, McpFeature::new, ExperimentsFeature::new, PromptsFeature::new,
            TeamFeature::new);

    /**
     * The features of a usable window, the first of {@link #FEATURES}: the transcript and composer,
     * the provider bar, the tool bar's network and appearance controls (the theme comes with it).
     * A window opened {@linkplain #openFirst in stages} shows these first and builds the rest after.
     */
    static final int USABLE = 4;

    private final ExecutorService background = new ReportingExecutor(Executors.newVirtualThreadPerTaskExecutor());
    private final Database database;
    private final MainWindow window = new MainWindow();
    private final ChatService chat;
    private final ChatViewModel chatModel;
    private final ProviderClients clients;
    private final EngineHost engine;
    private final EngineBackend engineBackend;
    private final RequestControls controls;
    private final WindowMemory memory;
    private final TeamService team;
    private final List<WindowFeature> features = new ArrayList<>();
    private final WindowContext context;
    private boolean shown;
    private boolean closed;

    private WindowAssembly(Database database, AppState remembered, SecretStore secrets, Map<String, String> env, UiThread ui,
                           Dialogs dialogs) {
        this(database, remembered, secrets, env, ui, dialogs, FEATURES.size());
    }

    private WindowAssembly(Database database, AppState remembered, SecretStore secrets, Map<String, String> env, UiThread ui,
                           Dialogs dialogs, int installedNow) {
        this.database = database;
        Settings settings = new Settings(database);
        ProviderViewModel providers = new ProviderViewModel(this::fetchModels,
                () -> new LocalServerDetector().detect(), secrets, new LocalMarkStore(settings), new EndUserStore(settings), env,
                background, ui);
        ParamsViewModel params = new ParamsViewModel();
        RequestViewModel request = new RequestViewModel(this::nextRequest, ui);
        this.clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()).then(this::windowKey), null, null,
                false, request.tap(), Transport.JDK_DEFAULT);
        // the limits are read on the background thread; until then the clients use the defaults
        background.execute(() -> clients.useLimits(InputLimits.load(settings).reads()));
        NetworkService network = new NetworkService(new NetworkSettingsStore(settings, secrets), env,
                ProxySelector.getDefault(), clients::useTransport);
        this.engine = EngineHost.forApp(DataFolder.resolve().resolve("engine"));
        this.engineBackend = new EngineBackend(engine);
        ProviderBackends remote = new ProviderBackends(clients);
        this.chat = new ChatService(s -> Providers.LOCAL_GGUF.id().equals(s.providerId()) ? engineBackend : remote.backendFor(s),
                WindowAssembly::check);
        this.chatModel = new ChatViewModel(chat, ui);
        this.memory = new WindowMemory(remembered, background, ui);
        memory.keep(params);
        memory.keep(providers);
        this.controls = new RequestControls(chat, chatModel, params, ExtendedControls.create(background, ui), providers,
                request, ui);
        this.team = new TeamService(database, secrets, env, Clock.systemDefaultZone(), network::caFile);
        this.context = new WindowContext(window, chat, chatModel, controls, database, network, background, ui,
                dialogs == null ? new FxDialogs(window) : dialogs, engine, memory, team);
        while (features.size() < installedNow) installNext();
    }

    /** Installs the next feature of {@link #FEATURES}; told the window is shown when it already is. */
    private void installNext() {
        WindowFeature feature = FEATURES.get(features.size()).install(context);
        features.add(feature);
        if (shown) feature.windowShown();
        if (feature instanceof TeamFeature teamFeature) { // every row the window puts on the ledger goes to the team's workspace at once
            feature(UsageFeature.class).service().tracker().addListener(row -> teamFeature.rowAdded());
        }
    }

    /**
     * The window in stages: only its {@linkplain #USABLE usable} features built now, the side panels
     * and the rest by {@link #installRest}, after the usable window is on screen.
     */
    public static WindowAssembly openFirst(Database database, AppState remembered, SecretStore secrets, Map<String, String> env,
                                           UiThread ui) {
        WindowAssembly first = new WindowAssembly(database, remembered, secrets, env, ui, null, USABLE);
        first.chatModel.setReady(false); // a send waits for the ledger's, the history's and the budget's features
        return first;
    }

    /**
     * Installs the features not yet built, one at each turn of the JavaFX thread (so that the
     * window answers between them, in the order of {@link #FEATURES}), then runs {@code whenBuilt}.
     * Call on the JavaFX thread.
     */
    public void installRest(Runnable whenBuilt) {
        if (features.size() == FEATURES.size()) {
            chatModel.setReady(true);
            whenBuilt.run();
            return;
        }
        UiThread.later(() -> {
            if (closed) return;
            installNext();
            installRest(whenBuilt);
        });
    }

    /** Whether every feature is built (a window opened {@linkplain #openFirst in stages} is not at first). */
    public boolean built() {
        return features.size() == FEATURES.size();
    }

    /**
     * Builds the window on an open database (closed with the window) and the keyring already asked
     * whether it answers: both are opened off the JavaFX thread, since a keyring can take seconds.
     */
    public static WindowAssembly open(Database database, SecretStore secrets, Map<String, String> env, UiThread ui) {
        return new WindowAssembly(database, new AppState(new Settings(database)), secrets, env, ui, null);
    }

    /**
     * As {@link #open(Database, SecretStore, Map, UiThread)}, with what the window remembers read
     * ahead ({@link AppState#readAhead}, off the JavaFX thread): the window is built as it was left.
     */
    public static WindowAssembly open(Database database, AppState remembered, SecretStore secrets, Map<String, String> env,
                                      UiThread ui) {
        return new WindowAssembly(database, remembered, secrets, env, ui, null);
    }

    /** As {@link #open(Database, SecretStore, Map, UiThread)}, asking the keyring here (for tests). */
    public static WindowAssembly open(Database database, Map<String, String> env, UiThread ui) {
        return new WindowAssembly(database, new AppState(new Settings(database)), SecretStore.open(), env, ui, null);
    }

    /** As {@link #open(Database, Map, UiThread)}, with the questions and file choices answered by {@code dialogs}. */
    public static WindowAssembly open(Database database, Map<String, String> env, UiThread ui, Dialogs dialogs) {
        return new WindowAssembly(database, new AppState(new Settings(database)), SecretStore.open(), env, ui, dialogs);
    }

    /** As {@link #open(Database, SecretStore, Map, UiThread)}, with the questions and file choices answered by {@code dialogs}. */
    public static WindowAssembly open(Database database, SecretStore secrets, Map<String, String> env, UiThread ui,
                                      Dialogs dialogs) {
        return new WindowAssembly(database, new AppState(new Settings(database)), secrets, env, ui, dialogs);
    }

    /** The installed feature of that class. */
    public <T extends WindowFeature> T feature(Class<T> type) {
        return features.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " in this window"));
    }

    public MainWindow window() { return window; }
    public ChatService chat() { return chat; }
    public ChatViewModel chatModel() { return chatModel; }
    public RequestControls controls() { return controls; }
    public ParamsViewModel params() { return controls.params(); }
    public ProviderViewModel providers() { return controls.providers(); }
    public RequestViewModel request() { return controls.request(); }
    public WindowMemory memory() { return memory; }
    public AppearanceViewModel appearance() { return feature(AppearanceFeature.class).model(); }
    public PresetsViewModel presets() { return feature(ParametersFeature.class).presets(); }
    public HistoryFeature history() { return feature(HistoryFeature.class); }
    public NetworkViewModel network() { return feature(NetworkFeature.class).model(); }
    public SupportFeature support() { return feature(SupportFeature.class); }
    public TeamFeature team() { return feature(TeamFeature.class); }
    /** The open database (for tests that look at what was stored). */
    public Database database() { return database; }

    /** Work that waits until the window is on screen: local server detection, the model list, notices. */
    public void windowShown() {
        shown = true;
        features.forEach(WindowFeature::windowShown);
    }

    /** The request the composer's text would make now (read by the Request panel on the FX thread). */
    private ChatRequest nextRequest() {
        return chat.nextRequest(chatModel.draftProperty().get());
    }

    private static void check(ChatRequest r) {
        List<String> problems = RequestValidator.problems(r);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /** The model list, through the proxy and trust the network settings name, never shown in the Request panel. */
    private List<ModelInfo> fetchModels(ProviderProfile profile, String key) throws ApiException {
        if (profile.equals(Providers.LOCAL_GGUF)) { // the built-in engine's one model: the file chosen for it
            return engine.selected() == null ? List.of() : List.of(ModelInfo.of(engine.selected().alias()));
        }
        return ModelListParser.parse(clients.listingClientFor(profile, key).fetchModels().toString());
    }

    private Optional<ApiKey> windowKey(ProviderProfile profile) {
        String key = controls.providers().keyFor(profile);
        LogSecrets.remember(key);
        return Optional.ofNullable(key).map(k -> new ApiKey(k, "the window"));
    }

    @Override
    public void close() {
        closed = true;
        chatModel.close();
        chat.stop();
        features.reversed().forEach(WindowFeature::close);
        controls.close();
        clients.close();
        engineBackend.close();
        engine.close();
        background.shutdownNow();
        team.close();
        database.close();
    }
}
