package parley.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.history.HistoryRecorder;
import parley.history.HistoryService;
import parley.history.ConversationStore;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.ui.UiThread;

class HistoryViewModelTest {
    @TempDir
    Path dir;
    ScriptedServer server;
    Database database;
    ChatService chat;
    HistoryRecorder recorder;
    HistoryViewModel model;
    final AtomicInteger opened = new AtomicInteger();

    @BeforeEach
    void setUp() {
        server = ScriptedServer.start();
        server.fallback(r -> ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 0));
        database = AppDatabase.open(dir.resolve("parley.db"));
        ConversationStore store = new ConversationStore(database);
        chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> {});
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny"));
        recorder = new HistoryRecorder(chat, store, e -> {});
        model = new HistoryViewModel(new HistoryService(store, chat, recorder), Runnable::run, UiThread.DIRECT,
                ZoneOffset.UTC);
        model.setOnOpened(settings -> opened.incrementAndGet());
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        database.close();
        server.close();
    }

    @Test
    void listsConversationsNewestFirstAndSearchesMessages() throws Exception {
        chat.send("About walruses").await();
        chat.newConversation();
        chat.send("About penguins").await();

        model.refresh();
        assertThat(model.rows()).extracting(HistoryViewModel.Row::title).containsExactly("About penguins", "About walruses");
        assertThat(model.rows().getFirst().detail()).endsWith("· 2 messages");
        assertThat(model.currentIdProperty().get()).isEqualTo(chat.conversation().id());

        model.setQuery("walrus");
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("About walruses");
            assertThat(row.detail()).isEqualTo("user: About walruses");
            assertThat(row.messageId()).isNotNull();
        });

        model.setQuery("");
        assertThat(model.rows()).hasSize(2);
    }

    @Test
    void anOlderSearchAnsweringLastDoesNotReplaceTheNewestOnesRows() throws Exception {
        chat.send("About walruses").await();
        chat.newConversation();
        chat.send("About penguins").await();
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        HistoryViewModel typing = new HistoryViewModel(new HistoryService(new ConversationStore(database), chat, recorder),
                queued::add, UiThread.DIRECT, ZoneOffset.UTC);

        typing.setQuery("penguins");
        typing.setQuery("walrus");
        queued.reversed().forEach(Runnable::run); // the newest answers first, the older one after it

        assertThat(typing.rows()).extracting(HistoryViewModel.Row::title).containsExactly("About walruses");
    }

    @Test
    void deleteOffersUndoAndOpenLoadsTheChat() throws Exception {
        chat.send("Keep me").await();
        String first = chat.conversation().id();
        chat.newConversation();
        chat.send("Other").await();
        model.refresh();
        HistoryViewModel.Row keep = model.rows().get(1);

        model.delete(keep);
        assertThat(model.rows()).hasSize(1);
        assertThat(model.deletedProperty().get()).isEqualTo(keep);
        assertThat(model.noticeProperty().get()).isEqualTo("Deleted “Keep me”.");

        model.undoDelete();
        assertThat(model.rows()).hasSize(2);
        assertThat(model.deletedProperty().get()).isNull();

        model.open(model.rows().get(1));
        assertThat(chat.conversation().id()).isEqualTo(first);
        assertThat(opened).hasValue(1);
        assertThat(model.currentIdProperty().get()).isEqualTo(first);
    }

    @Test
    void renameBranchAndFilesReportOneLine() throws Exception {
        chat.send("Name me").await();
        model.refresh();
        model.rename(model.rows().getFirst(), "Renamed");
        assertThat(model.rows().getFirst().title()).isEqualTo("Renamed");

        model.branchFrom(chat.conversation().messages().getFirst().id());
        assertThat(model.rows()).extracting(HistoryViewModel.Row::title).containsExactly("Renamed (branch)", "Renamed");
        assertThat(model.noticeProperty().get()).isEqualTo("Branched into a new conversation.");
        assertThat(opened).hasValue(1);

        Path md = dir.resolve("out.md");
        model.exportMarkdown(model.rows().get(1), md);
        assertThat(Files.readString(md)).startsWith("# Renamed");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nope\":true}");
        model.openFile(bad);
        assertThat(model.noticeProperty().get()).startsWith("bad.json is not a Parley conversation export")
                .doesNotContain("\n");

        Path session = dir.resolve("s.parley.json");
        model.saveSession(session);
        model.openFile(session);
        assertThat(model.rows().getFirst().title()).isEqualTo("s");
        assertThat(model.noticeProperty().get()).isEqualTo("Opened s.parley.json.");
    }
}
