package parley.ui.experiment;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import parley.api.ChatMessage;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.experiment.ExperimentLedger;
import parley.experiment.ExperimentService;
import parley.experiment.ExperimentStore;
import parley.app.InputLimits;
import parley.store.Settings;
import parley.log.LogSecrets;
import parley.experiment.Target;
import parley.provider.ModelInfo;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import parley.team.TeamShelf;
import parley.ui.WindowContext;
import parley.ui.team.SharedShelfModel;
import parley.ui.WindowFeature;
import parley.ui.chat.FrameClock;
import parley.ui.prompts.PromptPicker;
import parley.ui.models.ProviderViewModel;
import parley.usage.UsageService;

/**
 * The Experiments place beside the chat, switched to from the tool bar, and "Try across…" beside
 * the composer, which fills the form from the chat (its conversation, provider, model and
 * parameters) and shows it. The view (and with it ControlsFX) is built when it is first shown.
 * Every model list a provider sends joins the models the form offers.
 */
public final class ExperimentsFeature implements WindowFeature {
    private final WindowContext context;
    private final ExperimentFormModel form = new ExperimentFormModel();
    private final Runnable showPlace;
    private final CellRunner runner;
    private final ExperimentStore store;
    private final ExperimentService service;
    private final AtomicReference<UsageService> usage = new AtomicReference<>();
    private final AtomicReference<ExperimentView> view = new AtomicReference<>();
    private final PromptPicker picker;

    public ExperimentsFeature(WindowContext context) {
        this.context = context;
        this.store = new ExperimentStore(context.database(), Clock.systemUTC(), LogSecrets::known);
        Settings settings = new Settings(context.database());
        // the largest import is read when a file is opened, on the background thread that opens it
        this.service = new ExperimentService(store, () -> InputLimits.load(settings).fileBytes());
        ChatService chat = context.chat();
        // each cell goes to the usage ledger (origin experiment); the tracker is opened on first use, off the FX thread
        this.runner = new WindowRunner(target -> chat.backendFor(chat.settings().withProvider(target.provider(), target.baseUrl())
                .withModel(target.model())), (target, request, result) -> ExperimentLedger.over(usage().tracker())
                .recorded(target, request, result), store);
        this.picker = new PromptPicker(context);
        this.showPlace = context.window().addPlace("Experiments", this::buildView);
        ProviderViewModel providers = context.controls().providers();
        providers.observeModelLists((profile, models) -> context.ui().run(() -> form.offer(choices(profile, models))));
        context.chatExtensions().offerExperiment(this::tryAcross);
        form.offerLibrary(() -> picker.pick(version -> form.usePrompt(version.system(), version.text())));
    }

    public ExperimentFormModel form() { return form; }

    /** The view once it was first shown, else null. */
    ExperimentView view() { return view.get(); }

    /** Fills the form from the chat as it is now and shows the Experiments place. */
    public void tryAcross() {
        ChatService chat = context.chat();
        ChatSettings settings = chat.settings();
        List<ChatMessage> messages = chat.nextRequest(context.chatModel().draftProperty().get()).messages();
        ProviderViewModel providers = context.controls().providers();
        ModelInfo info = providers.modelInfo().orElse(ModelInfo.of(settings.model()));
        ModelChoice current = new ModelChoice(new Target(settings.providerId(), settings.baseUrl(), settings.model()),
                providers.provider() == null ? settings.providerId() : providers.provider().name(), info);
        form.offer(choices(providers.provider(), providers.models()));
        form.fillFrom(settings, messages, current);
        showPlace.run();
    }

    @Override
    public void close() {
        picker.close();
    }

    private List<ModelChoice> choices(ProviderProfile profile, List<ModelInfo> models) {
        if (profile == null) return List.of();
        // as ProviderViewModel.applyTo points a request: a custom server is provider "custom" at its base URL
        boolean custom = profile.id().startsWith(Providers.CUSTOM_ID);
        String id = custom ? Providers.CUSTOM_ID : profile.id();
        String baseUrl = custom ? profile.baseUrl() : null;
        return models.stream().map(m -> new ModelChoice(new Target(id, baseUrl, m.id()), profile.name(), m)).toList();
    }

    private ExperimentView buildView() {
        PreflightModel preflight = new PreflightModel(experiment -> Preflight.of(experiment, usage()), context.background(), context.ui());
        ExperimentView view = new ExperimentView(form, runner, preflight, context.dialogs(), FrameClock::fx, context.ui(),
                (experiment, retry) -> new CellActions(context, experiment, retry),
                new SavedModel(service, context.background(), context.ui()),
                new SharedShelfModel(context.team(), TeamShelf.Kind.EXPERIMENT, context.background(), context.ui()));
        this.view.set(view);
        return view;
    }

    /** Opened on the background thread, on first use. */
    private synchronized UsageService usage() {
        if (usage.get() == null) usage.set(UsageService.over(context.database(), Clock.systemDefaultZone()));
        return usage.get();
    }
}
