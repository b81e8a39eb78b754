package parley.ui.engine;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Message;
import parley.engine.EngineBackend;
import parley.engine.EngineCommand;
import parley.engine.EngineHost;
import parley.engine.EngineSettings;
import parley.engine.TestModels;
import parley.store.Database;
import parley.ui.MainWindow;
import parley.ui.TestDialogs;
import parley.ui.TestWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;

/** "This computer" in the real window on Monocle: choose the test model, chat with it, see a crash and restart. */
class EngineFxTest extends FxRobot {
    @TempDir
    Path dir;
    private Database database;
    private EngineHost host;
    private EngineBackend backend;
    private ChatService chat;
    private ChatViewModel chatModel;
    private EngineFeature feature;
    private final TestDialogs dialogs = new TestDialogs();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void show() throws Exception {
        database = AppDatabase.open(dir.resolve("parley.db"));
        host = new EngineHost(EngineCommand.current(dir.resolve("natives")), EngineSettings.DEFAULT, () -> Long.MAX_VALUE,
                Duration.ofSeconds(60));
        backend = new EngineBackend(host);
        chat = new ChatService(s -> backend, r -> { });
        chat.setSettings(ChatSettings.defaults().withMaxTokens(8));
        dialogs.file = TestModels.tiny();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            MainWindow window = new MainWindow();
            chatModel = new ChatViewModel(chat, UiThread.FX);
            window.setMain(new ChatView(chatModel));
            feature = new EngineFeature(TestWindow.context(window, chat, chatModel, database, background, UiThread.FX,
                    dialogs, host));
            s.setScene(new Scene(window, 1200, 800));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        chat.stop();
        FxToolkit.cleanupStages();
        feature.close();
        backend.close();
        host.close();
        background.shutdownNow();
        database.close();
    }

    @Test
    void chooseAFileChatWithItAndRestartItAfterACrash() throws Exception {
        clickOn("#engine-choose");
        waitUntil(() -> feature.model().stateProperty().get() == EngineViewModel.State.READY);
        assertThat(onFx(() -> lookup("#engine-status").queryAs(Label.class).getText())).startsWith("Ready: parley-test-tiny")
                .containsPattern("loaded in \\d+\\.\\d s, \\d+ MB in memory");
        assertThat(onFx(() -> lookup("#engine-loading").query().isVisible())).as("no spinner once it is ready").isFalse();
        assertThat(chat.settings().providerId()).isEqualTo("local-gguf");
        assertThat(chat.settings().model()).isEqualTo("parley-test-tiny");

        interact(() -> {
            chatModel.setDraft("Hello, little model");
            chatModel.send();
        });
        waitUntil(() -> !chat.busy() && chatModel.state() == ChatViewModel.State.IDLE && lastReply().length() > 0);

        long pid = host.running().pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        waitUntil(() -> feature.model().stateProperty().get() == EngineViewModel.State.CRASHED);
        assertThat(onFx(() -> lookup("#engine-restart").query().isVisible())).isTrue();
        assertThat(onFx(() -> lookup("#engine-last-lines").queryAs(TextArea.class).getText())).contains("serving parley-test-tiny");

        clickOn("#engine-restart");
        waitUntil(() -> feature.model().stateProperty().get() == EngineViewModel.State.READY);
        assertThat(host.running().pid()).isNotEqualTo(pid);
        assertThat(new parley.store.Settings(database).getString(EngineFeature.LAST_MODEL))
                .as("the file is kept for the next run").hasValue(TestModels.tiny().toAbsolutePath().toString());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithItsReason() throws Exception {
        dialogs.file = TestModels.write(dir, "notes.gguf", "only words".getBytes());

        clickOn("#engine-choose");

        waitUntil(() -> feature.model().stateProperty().get() == EngineViewModel.State.REFUSED);
        assertThat(onFx(() -> lookup("#engine-status").queryAs(Label.class).getText())).contains("notes.gguf is not a GGUF model file");
        assertThat(chat.settings().providerId()).isNotEqualTo("local-gguf");
    }

    @Test
    void theIdleTimeIsSetOnThePanelUsedForTheNextStartAndRemembered() throws Exception {
        assertThat(host.idleTimeout()).isEqualTo(EngineSettings.DEFAULT_IDLE);
        interact(() -> lookup("#engine-idle-minutes").<Spinner<Integer>>query().getValueFactory().setValue(3));
        assertThat(host.idleTimeout()).isEqualTo(Duration.ofMinutes(3));
        waitUntil(() -> new parley.store.Settings(database).getInt(EngineFeature.IDLE_MINUTES).orElse(-1) == 3);

        interact(() -> lookup("#engine-idle-minutes").<Spinner<Integer>>query().getValueFactory().setValue(0));
        assertThat(host.idleTimeout()).as("0 minutes: never unloaded").isNull();
        waitUntil(() -> new parley.store.Settings(database).getInt(EngineFeature.IDLE_MINUTES).orElse(-1) == 0);
    }

    private String lastReply() {
        var messages = chat.conversation().messages();
        Message last = messages.isEmpty() ? null : messages.getLast();
        return last == null || !last.role().equals("assistant") ? "" : last.content();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
