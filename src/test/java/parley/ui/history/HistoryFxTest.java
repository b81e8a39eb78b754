package parley.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.store.AppState;
import parley.store.Database;
import parley.store.Settings;
import parley.testing.ScriptedServer;
import parley.ui.MainWindow;
import parley.ui.TestDialogs;
import parley.ui.TestWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;
import parley.ui.settings.WindowMemory;

/** The history sidebar in the real window on Monocle, against a scripted server and a real database. */
class HistoryFxTest extends FxRobot {
    @TempDir
    Path dir;
    private ScriptedServer server;
    private Database database;
    private ChatService chat;
    private ChatViewModel chatModel;
    private HistoryFeature history;
    private MainWindow window;
    private Stage stage;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void show() throws Exception {
        server = ScriptedServer.start();
        server.fallback(r -> ScriptedServer.Reply.sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Reply number " + server.requestCount()
                        + "\"},\"finish_reason\":\"stop\"}]}"));
        database = AppDatabase.open(dir.resolve("parley.db"));
        chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> {});
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("test-model"));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            window = new MainWindow();
            chatModel = new ChatViewModel(chat, UiThread.FX);
            window.setMain(new ChatView(chatModel));
            history = new HistoryFeature(TestWindow.context(window, chat, chatModel, database, background, UiThread.FX,
                    new TestDialogs()));
            s.setScene(new Scene(window, 1200, 800));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        chat.stop();
        // the tests that follow share this stage, and a width set here would stay with it: give it
        // back the place and size the other window tests show their 1260 x 780 scenes in
        interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1260);
            stage.setHeight(780);
        });
        FxToolkit.cleanupStages();
        history.close();
        background.shutdownNow();
        database.close();
        server.close();
    }

    @Test
    void conversationsAppearAsTheyAreHeldAndOpenBackIntoTheTranscript() throws Exception {
        send("What is a walrus?");
        waitUntil(() -> titles().equals(List.of("What is a walrus?")));

        interact(chatModel::newChat);
        send("Penguins, please");
        waitUntil(() -> titles().equals(List.of("Penguins, please", "What is a walrus?")));

        clickOn("#history-search").write("walrus");
        waitUntil(() -> titles().equals(List.of("What is a walrus?")));
        waitUntil(() -> lookup(".history-title").match(n -> n.isVisible() && n instanceof javafx.scene.control.Label l
                && l.getText().equals("What is a walrus?")).tryQuery().isPresent());
        doubleClickOn(row("What is a walrus?"));
        waitUntil(() -> transcript().contains("What is a walrus?") && transcript().contains("Reply number 1"));
        assertThat(transcript()).doesNotContain("Penguins");

        clickOn("#history-search").eraseText(6);
        waitUntil(() -> titles().size() == 2);
    }

    @Test
    void emptyRowsDrawNothingInADarkTheme() throws Exception {
        send("What is a walrus?");
        waitUntil(() -> titles().equals(List.of("What is a walrus?")));
        interact(() -> Application.setUserAgentStylesheet(new NordDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> cells = lookup("#history-list .list-cell").queryAll();
        List<ListCell<?>> empty = cells.stream().<ListCell<?>>map(n -> (ListCell<?>) n).filter(ListCell::isEmpty).toList();
        assertThat(empty).isNotEmpty().allSatisfy(cell -> assertThat(paintedFills(cell)).as("fills of an empty row").isEmpty());
    }

    @Test
    void aLongTitleFitsTheListWithoutAHorizontalScrollBar() throws Exception {
        String question = "How do I read a large file line by line in Java, without loading it?";
        send(question);
        waitUntil(() -> titles().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = lookup("#history-list").queryAs(ListView.class);
        assertThat(list.lookupAll(".scroll-bar")).filteredOn(n -> n instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible())
                .as("visible horizontal scroll bars of the history list").isEmpty();
    }

    private static List<BackgroundFill> paintedFills(ListCell<?> cell) {
        if (cell.getBackground() == null) return List.of();
        return cell.getBackground().getFills().stream().filter(f -> !Color.TRANSPARENT.equals(f.getFill())).toList();
    }

    @Test
    void branchFromACardStartsANewConversationUpToIt() throws Exception {
        send("First");
        waitUntil(() -> replies() == 1 && transcript().contains("Reply number 1"));
        send("Second");
        waitUntil(() -> transcript().contains("Reply number 2"));

        Node firstReply = lookup(".chat-card-assistant").queryAll().iterator().next();
        clickOn(from(firstReply).lookup(".chat-action").match(n -> n instanceof Button b && "Branch".equals(b.getText()))
                .queryButton());

        waitUntil(() -> titles().equals(List.of("First (branch)", "First")));
        waitUntil(() -> !transcript().contains("Second"));
        assertThat(transcript()).contains("First", "Reply number 1");
    }

    @Test
    void deleteShowsUndoThatBringsItBack() throws Exception {
        send("Delete me");
        waitUntil(() -> titles().equals(List.of("Delete me")));

        interact(() -> history.model().delete(history.view().list().getItems().getFirst()));
        waitUntil(() -> titles().isEmpty() && lookup("#history-undo").queryButton().isVisible());
        waitUntil(() -> !transcript().contains("Delete me"));

        clickOn("#history-undo");
        waitUntil(() -> titles().equals(List.of("Delete me")));
        waitUntil(() -> !lookup(".history-undo-bar").query().isVisible());
    }

    @Test
    void enterOpensTheSelectedConversationAndDeleteDeletesItWithUndo() throws Exception {
        send("What is a walrus?");
        waitUntil(() -> titles().equals(List.of("What is a walrus?")));
        interact(chatModel::newChat);
        send("Penguins, please");
        waitUntil(() -> titles().equals(List.of("Penguins, please", "What is a walrus?")) && transcript().contains("Reply number 2"));

        clickOn(row("Penguins, please"));
        type(KeyCode.DOWN);
        HistoryViewModel.Row selected = onFx(() -> history.view().list().getSelectionModel().getSelectedItem());
        assertThat(selected.title()).isEqualTo("What is a walrus?");
        String walrus = selected.conversationId();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chat.conversation().id()).as("selecting alone opens nothing").isNotEqualTo(walrus);
        type(KeyCode.ENTER);
        waitUntil(() -> transcript().contains("What is a walrus?") && transcript().contains("Reply number 1"));
        assertThat(chat.conversation().id()).isEqualTo(walrus);
        assertThat(onFx(this::transcript)).doesNotContain("Penguins");

        // the keyboard, not a second click on the same row, which the list could take for a double click
        type(KeyCode.UP);
        assertThat(onFx(() -> history.view().list().getSelectionModel().getSelectedItem().title())).isEqualTo("Penguins, please");
        type(KeyCode.DELETE);
        waitUntil(() -> titles().equals(List.of("What is a walrus?")) && lookup("#history-undo").queryButton().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chat.conversation().id()).as("the conversation on screen stays").isEqualTo(walrus);
        assertThat(onFx(this::transcript)).contains("What is a walrus?");

        clickOn("#history-search").write("x");
        type(KeyCode.BACK_SPACE);
        type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(this::titles)).as("Delete in the search field deletes no conversation").containsExactly("What is a walrus?");

        clickOn("#history-undo");
        waitUntil(() -> titles().equals(List.of("Penguins, please", "What is a walrus?")));
    }

    @Test
    void windowBoundsAndDividersAreRememberedAcrossRuns() throws Exception {
        AppState state = new AppState(new Settings(database));
        interact(() -> {
            new WindowMemory(state, Runnable::run).keep(stage);
            new WindowMemory(state, Runnable::run).keep("main", window.split());
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            window.split().setDividerPositions(0.3, 0.7);
        });
        double[] moved = WaitForAsyncUtils.asyncFx(() -> window.split().getDividerPositions()).get();
        waitUntil(() -> state.window().map(b -> b.width() == 1000 && b.x() == 40 && b.height() == 700).orElse(false)
                && near(state.dividers("main"), moved));

        interact(() -> {
            stage.setWidth(600);
            window.split().setDividerPositions(0.5, 0.9);
            AppState again = new AppState(new Settings(database));
            new WindowMemory(again, Runnable::run).keep(stage);
            new WindowMemory(again, Runnable::run).keep("main", window.split());
        });
        waitUntil(() -> stage.getWidth() == 1000 && stage.getX() == 40
                && near(java.util.Arrays.stream(window.split().getDividerPositions()).boxed().toList(), moved));
    }

    private static boolean near(List<Double> positions, double[] expected) {
        if (positions.size() != expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(positions.get(i) - expected[i]) > 0.01) return false;
        }
        return true;
    }

    /** Sends and waits until the reply has ended: a new chat or a delete of the one on screen is refused before. */
    private void send(String text) throws TimeoutException {
        int before = server.requestCount();
        interact(() -> {
            chatModel.setDraft(text);
            chatModel.send();
        });
        waitUntil(() -> server.requestCount() > before && !chat.busy() && chatModel.state() == ChatViewModel.State.IDLE
                && transcript().contains("Reply number " + (before + 1)));
    }

    private Node row(String title) {
        return lookup(".history-title").match(n -> n.isVisible() && n instanceof javafx.scene.control.Label l
                && title.equals(l.getText())).query();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private List<String> titles() {
        return history.view().list().getItems().stream().map(HistoryViewModel.Row::title).toList();
    }

    private int replies() {
        return lookup(".chat-card-assistant").queryAll().size();
    }

    private String transcript() {
        Set<Node> cards = lookup(".chat-card").queryAll();
        StringBuilder out = new StringBuilder();
        cards.forEach(c -> out.append(parley.ui.chat.ChatViewFxTestAccess.text(c)).append('\n'));
        return out.toString();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
