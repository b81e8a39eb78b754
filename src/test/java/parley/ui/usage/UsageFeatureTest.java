package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.ui.MainWindow;
import parley.ui.TestDialogs;
import parley.ui.TestWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatViewModel;
import parley.ui.chat.FrameClock;
import parley.ui.chat.MessageItem;
import parley.usage.BudgetSettings;
import parley.usage.UsageFilter;

/** The usage tracker hooked to the window's chat: footers, the composer estimate and the budget before a send. */
class UsageFeatureTest {
    @TempDir Path dir;
    private final ScriptedServer server = ScriptedServer.start();
    private final BlockingQueue<ChatEvent.Ended> ends = new LinkedBlockingQueue<>();
    private final BlockingQueue<parley.usage.LedgerEntry> recorded = new LinkedBlockingQueue<>();
    private final TestDialogs dialogs = new TestDialogs();
    private Database db;
    private ChatService chat;
    private ChatViewModel chatModel;
    private UsageFeature feature;
    private MainWindow window;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        db = AppDatabase.open(dir.resolve("parley.db"));
        chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> {});
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama"));
        chat.addListener(e -> { if (e instanceof ChatEvent.Ended end) ends.add(end); });
        FxToolkit.setupFixture(() -> window = new MainWindow());
        chatModel = new ChatViewModel(chat, UiThread.DIRECT, FrameClock.immediate());
        feature = new UsageFeature(TestWindow.context(window, chat, chatModel, db, Runnable::run, UiThread.DIRECT, dialogs));
        feature.service().setUserPrice(null, "tiny-llama", new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("0.5"));
        feature.service().tracker().addListener(recorded::add); // last, so the others have run when it fires
    }

    @AfterEach
    void tearDown() {
        feature.close();
        server.close();
        db.close();
    }

    private void sendAndWait(String text) throws InterruptedException {
        chatModel.setDraft(text);
        chatModel.send();
        assertThat(ends.poll(10, TimeUnit.SECONDS)).as("the reply ended").isNotNull();
        // the ledger is written after the end is announced
        assertThat(recorded.poll(10, TimeUnit.SECONDS)).as("the request is on the ledger").isNotNull();
    }

    @Test
    void theUsagePanelIsInTheWindow() {
        assertThat(window.sidePanels().getTabs()).anySatisfy(t -> assertThat(t.getText()).isEqualTo("Usage"));
    }

    @Test
    void theComposerShowsTheEstimateAndTheReplyItsCost() throws Exception {
        chatModel.setDraft("Hello");
        assertThat(chatModel.costEstimateProperty().get()).startsWith("≈ ").contains("prompt tokens · $")
                .contains("with a full 1,024-token reply");
        chatModel.setDraft("  ");
        assertThat(chatModel.costEstimateProperty().get()).as("nothing to estimate").isEmpty();

        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));
        sendAndWait("Hello");
        MessageItem reply = chatModel.items().get(1);
        // 1 uncached * 1 + 57 cached * 0.5 + 16 * 2 = 61.5 per million
        assertThat(reply.costProperty().get()).isEqualTo("$0.000062");
        assertThat(feature.service().tracker().ledger().entries(UsageFilter.conversation(chat.conversation().id())))
                .singleElement().satisfies(e -> assertThat(e.messageId()).isEqualTo(reply.id()));
        assertThat(feature.panel().conversationTextProperty().get()).startsWith("$0.000062 · 1 request");
    }

    @Test
    void aSendThatCouldPassTheLimitIsAskedAboutAndGoesOnlyOnYes() throws Exception {
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));
        sendAndWait("Hello");
        feature.service().saveBudget(new BudgetSettings(new BigDecimal("0.001"), null, false));

        chatModel.setDraft("Again");
        assertThat(chatModel.costEstimateProperty().get()).contains("past the limit of $0.0010");
        dialogs.answer = false;
        chatModel.send();
        assertThat(dialogs.asked).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(chatModel.draftProperty().get()).as("nothing typed is lost").isEqualTo("Again");

        dialogs.answer = true;
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));
        sendAndWait("Again");
        assertThat(dialogs.asked).hasSize(2);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aHardStopRefusesTheSendAndARegenerate() throws Exception {
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));
        sendAndWait("Hello");
        feature.service().saveBudget(new BudgetSettings(new BigDecimal("0.001"), null, true));
        chatModel.setDraft("Again");
        chatModel.send();
        chatModel.regenerate();
        assertThat(dialogs.warned).hasSize(2).allSatisfy(w -> assertThat(w).startsWith("Not sent: it could pass your budget"));
        assertThat(dialogs.asked).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
