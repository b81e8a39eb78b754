package parley.ui.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import parley.api.ChatMessage;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.engine.EngineHost;
import parley.network.NetworkService;
import parley.network.NetworkSettingsStore;
import parley.provider.ModelInfo;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.testing.MarksInMemory;
import parley.ui.ExtendedControls;
import parley.ui.MainWindow;
import parley.ui.RequestControls;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowContext;
import parley.ui.chat.ChatViewModel;
import parley.ui.chat.FrameClock;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParamsViewModel;
import parley.ui.request.RequestViewModel;
import parley.usage.TokenEstimator;

/** The composer's warning when the conversation and max_tokens pass the context the model list tells. */
class ContextFeatureTest {
    private static final String SERVER = "http://127.0.0.1:9/v1";

    @TempDir Path dir;
    private Database db;
    private ChatService chat;
    private ChatViewModel chatModel;
    private ProviderViewModel providers;
    private ContextFeature feature;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        db = AppDatabase.open(dir.resolve("parley.db"));
        chat = new ChatService(settings -> { throw new IllegalStateException("nothing is sent here"); });
        ChatSettings wanted = ChatSettings.defaults().withProvider("custom", SERVER).withModel("tiny-llama").withMaxTokens(64);
        chatModel = new ChatViewModel(chat, UiThread.DIRECT, FrameClock.immediate());
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> window[0] = new MainWindow());
        providers = new ProviderViewModel((profile, key) -> List.of(
                new ModelInfo("tiny-llama", "tiny-llama", true, null, null, null, 100),
                new ModelInfo("big-llama", "big-llama", true, null, null, null, 128_000)),
                List::of, new SessionSecrets("kept for this test only"), new MarksInMemory(), Map.of(), Runnable::run,
                UiThread.DIRECT);
        RequestViewModel request = new RequestViewModel(() -> chat.nextRequest(chatModel.draftProperty().get()), UiThread.DIRECT);
        RequestControls controls = new RequestControls(chat, chatModel, new ParamsViewModel(),
                ExtendedControls.create(Runnable::run, UiThread.DIRECT), providers, request, UiThread.DIRECT);
        controls.show(wanted);
        NetworkService network = new NetworkService(new NetworkSettingsStore(new Settings(db),
                new SessionSecrets("kept for this test only")), Map.of(), ProxySelector.getDefault(), transport -> { });
        feature = new ContextFeature(new WindowContext(window[0], chat, chatModel, controls, db, network, Runnable::run,
                UiThread.DIRECT, new TestDialogs(), EngineHost.forApp(dir)));
    }

    @AfterEach
    void tearDown() {
        feature.close();
        db.close();
    }

    @Test
    void warnsWithHowMuchToCutOnceTheModelListToldTheContext() {
        String draft = "Tell me about the history of the river Seine, its bridges, its islands and the people "
                + "who lived along it, from the first settlements to the present day, in detail please.";
        chatModel.setDraft(draft);
        assertThat(chatModel.contextWarningProperty().get()).as("no context known yet").isEmpty();

        providers.refreshModels();
        int prompt = new TokenEstimator().countPrompt(List.of(ChatMessage.user(draft)));
        int cut = prompt + 64 - 100;
        assertThat(cut).as("the draft is long enough to pass 100 tokens with max_tokens 64").isPositive();
        assertThat(chatModel.contextWarningProperty().get()).isEqualTo("The conversation (≈ " + prompt
                + " tokens) plus max_tokens 64 passes tiny-llama's context of 100 tokens: cut about " + cut
                + " tokens from the conversation or lower max_tokens.");

        chatModel.setDraft("Hi");
        assertThat(chatModel.contextWarningProperty().get()).as("a short draft fits").isEmpty();
        chatModel.setDraft(draft);
        providers.selectModel("big-llama");
        assertThat(chatModel.contextWarningProperty().get()).as("a model with a larger context").isEmpty();
        providers.selectModel("unlisted-model");
        assertThat(chatModel.contextWarningProperty().get()).as("unknown context: no warning").isEmpty();
    }
}
