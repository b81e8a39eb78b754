package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.provider.Providers;
import parley.store.AppState;
import parley.store.Database;
import parley.store.Settings;
import parley.store.SecretStore;
import parley.store.SessionSecrets;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;
import parley.ui.chat.ChatViewFxTestAccess;
import parley.ui.chat.ChatViewModel;
import parley.ui.history.HistoryViewModel;
import parley.ui.models.ProviderViewModel;

/**
 * The real window with a slow database (each statement 300 ms), a slow keyring (3 s) and a slow
 * provider ({@link SlowHarness}): each action completes, no slow call waits on the JavaFX thread,
 * and no gap between pulses is longer than {@link SlowHarness#PULSE_BOUND_MS}.
 */
class SlowStoreFxTest extends FxRobot {
    private static final long PROVIDER_DELAY_MS = SlowHarness.DELAYS ? 300 : 0;
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path home;
    private SlowHarness harness;
    private ScriptedServer server;
    private SecretStore keyring;
    private WindowAssembly assembly;
    private volatile boolean stallReplies;

    @BeforeEach
    void openSeededWindow() throws Exception {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        harness = SlowHarness.start();
        keyring = harness.slowSecrets(new SessionSecrets("kept for this test only"));
        server = ScriptedServer.start().fallback(this::answer);
        try (Database database = AppDatabase.open(home.resolve("parley.db"))) {
            new AppState(new Settings(database)).setProviderAndModel(Providers.CUSTOM_ID, server.baseUrl(), "slow-model");
        }
        keyring.put(Providers.CUSTOM_ID + ":" + server.baseUrl(), "test-key-for-the-scripted-server");
        openWindow();
        waitUntil(this::restored);
        send("What is a walrus?");
        interact(assembly.chatModel()::newChat);
        send("Penguins, please");
        waitUntil(() -> titles().size() == 2);
    }

    @AfterEach
    void close() throws Exception {
        stallReplies = false;
        if (harness != null) harness.stop();
        closeWindow();
        if (server != null) server.close();
        WaitForAsyncUtils.clearExceptions(); // tasks the closed window's executor refused
    }

    @Test
    void start(TestInfo test) throws Exception {
        closeWindow();
        harness.slow(true);
        openWindow();
        waitUntil(() -> titles().size() == 2 && restored());
        verify(test);
    }

    @Test
    void send(TestInfo test) throws Exception {
        interact(assembly.chatModel()::newChat);
        harness.slow(true);
        clickOn(".chat-composer").write("And seals?");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> transcript().contains("Reply to And seals?") && idle());
        waitUntil(() -> titles().size() == 3);
        verify(test);
    }

    @Test
    void stop(TestInfo test) throws Exception {
        stallReplies = true;
        harness.slow(true);
        clickOn(".chat-composer").write("Tell me everything");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> transcript().contains("The first part"));
        clickOn(".chat-stop");
        waitUntil(() -> idle() && assembly.chatModel().items().getLast().isAssistant());
        verify(test);
    }

    @Test
    void regenerate(TestInfo test) throws Exception {
        harness.slow(true);
        int before = server.requestCount();
        clickOn(lookup(".chat-action").match(n -> n.isVisible() && n instanceof javafx.scene.control.Button b
                && "Regenerate".equals(b.getText())).<Node>query());
        waitUntil(() -> server.requestCount() > before && idle() && transcript().contains("Reply to Penguins, please"));
        verify(test);
    }

    @Test
    void switchConversations(TestInfo test) throws Exception {
        harness.slow(true);
        doubleClickOn(row("What is a walrus?"));
        waitUntil(() -> transcript().contains("Reply to What is a walrus?") && !transcript().contains("Penguins"));
        verify(test);
    }

    @Test
    void searchTheHistory(TestInfo test) throws Exception {
        harness.slow(true);
        clickOn("#history-search").write("walrus");
        // a hit per message: the question and its reply
        waitUntil(() -> titles().equals(List.of("What is a walrus?", "What is a walrus?")));
        verify(test);
    }

    @Test
    void openTheUsagePanel(TestInfo test) throws Exception {
        harness.slow(true);
        showUsagePanel();
        waitUntil(() -> lookup("#usage-table").tryQuery().isPresent()
                && !lookup("#usage-table").queryTableView().getItems().isEmpty()
                && lookup("#usage-message").tryQuery().isPresent()); // the panel's last part: all of it built
        verify(test);
    }

    @Test
    void changeAPrice(TestInfo test) throws Exception {
        showUsagePanel();
        waitUntil(() -> lookup("#usage-message").tryQuery().isPresent()); // the panel's last part: all of it built
        interact(() -> lookup("#usage-view").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        harness.slow(true);
        clickOn("#price-model").write("slow-model");
        clickOn("#price-input").write("1");
        clickOn("#price-output").write("2");
        clickOn("#price-set");
        waitUntil(() -> lookup("#usage-message").queryAs(Label.class).getText().startsWith("Price of slow-model set"));
        verify(test);
    }

    @Test
    void openASessionFile(TestInfo test) throws Exception {
        Path session = home.resolve("shared.parley.json");
        Files.writeString(session, """
                {"format":"parley.session","version":1,"provider":"custom","base_url":"%s","model":"session-model",
                 "parameters":{"temperature":0.25},"messages":[{"role":"user","content":"Earlier question"},
                 {"role":"assistant","content":"Earlier answer"}]}""".formatted(server.baseUrl()));
        harness.slow(true);
        interact(() -> assembly.history().openFile(session));
        waitUntil(() -> "Opened shared.parley.json.".equals(assembly.history().model().noticeProperty().get())
                && transcript().contains("Earlier answer"));
        verify(test);
    }

    /** Fails when a slow call waited on the JavaFX thread or a pulse came later than the bound; prints the figures. */
    private void verify(TestInfo test) {
        long gap = harness.longestPulseGapMillis();
        List<SlowHarness.SlowCall> calls = harness.calls();
        System.out.printf("slow store: %-20s longest pulse gap %4d ms (bound %d ms), %d %s calls%n",
                test.getTestMethod().orElseThrow().getName(), gap, SlowHarness.PULSE_BOUND_MS, calls.size(),
                SlowHarness.DELAYS ? "delayed" : "undelayed (baseline)");
        assertThat(harness.callsOnFxThread()).as("slow calls on the JavaFX thread:\n%s", describe(harness.callsOnFxThread()))
                .isEmpty();
        assertThat(gap).as("the longest gap between pulses, ms").isLessThanOrEqualTo(SlowHarness.PULSE_BOUND_MS);
    }

    private static String describe(List<SlowHarness.SlowCall> calls) {
        return calls.stream().map(c -> c.kind() + " " + c.what() + "\n" + c.fxStack()).collect(Collectors.joining("\n"));
    }

    /** The provider: the model list, or a reply naming the last question, each after a pause. */
    private Reply answer(Recorded request) {
        harness.networkDelay(request.method() + " " + request.path(), PROVIDER_DELAY_MS);
        if (request.path().endsWith("/models")) {
            return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"slow-model\"},{\"id\":\"session-model\"}]}");
        }
        if (stallReplies) {
            return Reply.stream().events(delta("The first part")).stall();
        }
        String body = request.bodyText();
        String question = body.substring(body.lastIndexOf("\"content\":\"") + 11);
        question = question.substring(0, question.indexOf('"'));
        return Reply.stream().events(delta("Reply to ")).pause(PROVIDER_DELAY_MS).events(delta(question),
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}").send("data: [DONE]\n\n");
    }

    private static String delta(String text) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}";
    }

    /** Selects the Usage tab (its header may sit in the tab bar's overflow menu in a narrow side pane). */
    private void showUsagePanel() {
        interact(() -> assembly.window().sidePanels().getTabs().stream().filter(tab -> "tab-usage".equals(tab.getId()))
                .findFirst().ifPresent(tab -> assembly.window().sidePanels().getSelectionModel().select(tab)));
    }

    private void openWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")).decorated(harness::slowConnection),
                    keyring, Map.of(), UiThread.FX, new TestDialogs());
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
            assembly.windowShown();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeWindow() throws Exception {
        if (assembly == null) return;
        FxToolkit.cleanupStages();
        interact(assembly::close);
        assembly = null;
    }

    private void send(String text) throws TimeoutException {
        int before = server.requestCount();
        interact(() -> {
            assembly.chatModel().setDraft(text);
            assembly.chatModel().send();
        });
        waitUntil(() -> server.requestCount() > before && idle() && transcript().contains("Reply to " + text));
    }

    /** The last provider and model are back, with the key read from the keyring. */
    private boolean restored() {
        return assembly.providers().provider().baseUrl().equals(server.baseUrl())
                && "slow-model".equals(assembly.providers().modelProperty().get())
                && assembly.providers().keyStateProperty().get() == ProviderViewModel.KeyState.TYPED;
    }

    private boolean idle() {
        return !assembly.chat().busy() && assembly.chatModel().state() == ChatViewModel.State.IDLE;
    }

    private List<String> titles() {
        return assembly.history().view().list().getItems().stream().map(HistoryViewModel.Row::title).toList();
    }

    private Node row(String title) {
        return lookup(".history-title").match(n -> n.isVisible() && n instanceof Label l && title.equals(l.getText())).query();
    }

    private String transcript() {
        return lookup(".chat-card").queryAll().stream().map(ChatViewFxTestAccess::text).collect(Collectors.joining("\n"));
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
