package parley.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.history.ConversationStore;
import parley.history.SavedMessage;
import parley.store.Database;
import parley.ui.MainWindow;
import parley.ui.TestDialogs;
import parley.ui.TestWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewFxTestAccess;
import parley.ui.chat.ChatViewModel;

/** A conversation of 500 messages opened from the history into the real window on Monocle. */
class LongTranscriptFxTest extends FxRobot {
    private static final int MESSAGES = 500;
    private static final int PAGE = 60;

    @TempDir
    Path dir;
    private Database database;
    private ChatService chat;
    private HistoryFeature history;
    private String conversationId;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void show() throws Exception {
        database = AppDatabase.open(dir.resolve("parley.db"));
        ConversationStore store = new ConversationStore(database);
        conversationId = store.create("custom", "test-model", "");
        List<SavedMessage> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String text = i == 0 ? "A walrus opens this conversation." : "Message " + i + " about **tea**.";
            messages.add(SavedMessage.typed("m" + i, i % 2 == 0 ? "user" : "assistant", text, null));
        }
        store.syncMessages(conversationId, messages);
        chat = new ChatService(s -> { throw new IllegalStateException("nothing is sent here"); }, r -> {});
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            MainWindow window = new MainWindow();
            ChatViewModel chatModel = new ChatViewModel(chat, UiThread.FX);
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
        FxToolkit.cleanupStages();
        history.close();
        background.shutdownNow();
        database.close();
    }

    @Test
    void opensWithOnePageOfCardsAndBuildsTheNextPageAboveOnRequestKeepingItsPlace() throws Exception {
        interact(() -> history.model().open(new HistoryViewModel.Row(conversationId, null, "", "")));
        waitUntil(() -> transcript().contains("Message 499 about"));
        waitUntil(() -> cards() >= PAGE); // the newest cards come first, the rest of the page over the next pulses
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cards()).as("cards built for the newest page only").isEqualTo(PAGE);
        assertThat(transcript()).contains("Message 440 about").doesNotContain("Message 439 about");
        Button earlier = lookup(".chat-earlier").queryButton();
        assertThat(earlier.getText()).isEqualTo("Show 60 earlier messages (440 not shown)");

        ScrollPane scroller = lookup(".chat-scroller").queryAs(ScrollPane.class);
        interact(() -> scroller.setVvalue(scroller.getVmin()));
        waitUntil(() -> inView(earlier));
        Node top = card("Message 440 about");
        double before = onFx(() -> top.localToScene(top.getLayoutBounds()).getMinY());

        interact(earlier::fire);
        waitUntil(() -> cards() == 2 * PAGE);
        assertThat(transcript()).contains("Message 380 about").doesNotContain("Message 379 about");
        assertThat(earlier.getText()).isEqualTo("Show 60 earlier messages (380 not shown)");
        WaitForAsyncUtils.waitForFxEvents();
        double after = onFx(() -> top.localToScene(top.getLayoutBounds()).getMinY());
        assertThat(after).as("the message that was at the top stays where it was").isCloseTo(before, Offset.offset(2.0));
        assertThat(onFx(() -> inView(top))).isTrue();
    }

    @Test
    void aSearchHitOnTheFirstMessageBuildsThePagesDownToItAndShowsIt() throws Exception {
        interact(() -> history.model().setQuery("walrus"));
        waitUntil(() -> history.model().rows().stream().anyMatch(r -> "m0".equals(r.messageId())));
        HistoryViewModel.Row hit = onFx(() -> history.model().rows().stream()
                .filter(r -> "m0".equals(r.messageId())).findFirst().orElseThrow());

        interact(() -> history.model().open(hit));
        waitUntil(() -> transcript().contains("A walrus opens this conversation."));
        assertThat(cards()).isEqualTo(MESSAGES);
        assertThat(lookup(".chat-earlier").tryQuery()).as("no earlier button once every message is built").isEmpty();
        Node first = card("A walrus opens");
        waitUntil(() -> inView(first));
    }

    private int cards() {
        return lookup(".chat-card").queryAll().size();
    }

    private Node card(String text) throws Exception {
        return onFx(() -> lookup(".chat-card").queryAll().stream()
                .filter(c -> ChatViewFxTestAccess.text(c).contains(text)).findFirst().orElseThrow());
    }

    private boolean inView(Node node) {
        Node viewport = lookup(".chat-scroller .viewport").query();
        Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return node.getScene() != null && bounds.getMinY() >= shown.getMinY() - 1 && bounds.getMinY() < shown.getMaxY();
    }

    private String transcript() {
        StringBuilder out = new StringBuilder();
        lookup(".chat-card").queryAll().forEach(c -> out.append(ChatViewFxTestAccess.text(c)).append('\n'));
        return out.toString();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
