package parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatClient;
import parley.api.ChatMessage;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Message;
import parley.chat.MessageStatus;
import parley.chat.Reply;
import parley.store.Database;
import parley.testing.ScriptedServer;

class HistoryServiceTest {
    static final String KEY = "sk-parley-test-7f3a9c1e5b2d4068a1b2c3d4e5f60718";

    @TempDir
    Path dir;
    ScriptedServer server;
    Database database;
    ConversationStore store;
    ChatService chat;
    HistoryRecorder recorder;
    HistoryService history;
    final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = ScriptedServer.start();
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ConversationStore(database);
        chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), KEY)), r -> {});
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama")
                .withTemperature(0.25).withSystemPrompt("Answer briefly."));
        recorder = new HistoryRecorder(chat, store, Clock.systemUTC(), Duration.ZERO, errors::add);
        history = new HistoryService(store, chat, recorder);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        database.close();
        server.close();
    }

    @Test
    void aFinishedReplyIsSavedWithItsModelParametersAndUsage() throws Exception {
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));

        chat.send("Hello there").await();
        recorder.flush();

        SavedConversation saved = store.load(chat.conversation().id()).orElseThrow();
        assertThat(saved.title()).isEqualTo("Hello there");
        assertThat(saved.systemPrompt()).isEqualTo("Answer briefly.");
        assertThat(saved.provider()).isEqualTo("custom");
        assertThat(saved.messages()).extracting(SavedMessage::role).containsExactly("user", "assistant");
        SavedMessage reply = saved.messages().get(1);
        Message shown = chat.conversation().messages().get(1);
        assertThat(reply.content()).isEqualTo(shown.content()).isNotEmpty();
        assertThat(reply.status()).isEqualTo("COMPLETE");
        assertThat(reply.model()).isEqualTo("tiny-llama");
        assertThat(reply.parameters()).containsEntry("temperature", 0.25).containsEntry("stream", true);
        assertThat(reply.usage()).isNotNull();
        assertThat(reply.usage().completionTokens()).isPositive();
        assertThat(errors).isEmpty();
    }

    @Test
    void aStreamingReplyIsSavedWhileItArrivesAndWhenItIsStopped() throws Exception {
        server.enqueue(ScriptedServer.Reply.stream()
                .events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Partial \"}}]}",
                        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"answer\"}}]}")
                .stall());

        Reply reply = chat.send("Tell me slowly");
        String conversation = chat.conversation().id();
        SavedMessage partial = awaitStored(conversation, m -> m.content().equals("Partial answer"));
        assertThat(partial.status()).isEqualTo("STREAMING");

        reply.stop();
        reply.await();
        recorder.flush();

        SavedMessage stopped = store.load(conversation).orElseThrow().messages().get(1);
        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(stopped.content()).isEqualTo("Partial answer");
    }

    @Test
    void aCutReplyKeepsWhatArrived() throws Exception {
        server.enqueue(ScriptedServer.Reply.stream()
                .events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half of it\"}}]}").cut());

        chat.send("Go").await();
        recorder.flush();

        SavedMessage cut = store.load(chat.conversation().id()).orElseThrow().messages().get(1);
        Message shown = chat.conversation().messages().get(1);
        assertThat(cut.content()).isEqualTo(shown.content());
        assertThat(cut.status()).isEqualTo(shown.status().name()).isIn("TRUNCATED", "FAILED");
    }

    @Test
    void openingAStoredConversationContinuesIt() throws Exception {
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 0));
        chat.send("First question").await();
        String first = chat.conversation().id();
        history.delete(first);
        history.undoDelete(first);
        chat.setSettings(chat.settings().withModel("other").withSystemPrompt(null));

        history.open(first);

        assertThat(chat.conversation().id()).isEqualTo(first);
        assertThat(chat.conversation().messages()).extracting(Message::status)
                .containsExactly(MessageStatus.COMPLETE, MessageStatus.COMPLETE);
        assertThat(chat.settings().model()).isEqualTo("tiny-llama");
        assertThat(chat.nextRequest("Second").messages()).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "user");
        assertThat(history.list()).hasSize(1);
    }

    @Test
    void branchingOpensACopyUpToTheMessage() throws Exception {
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 0));
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 0));
        chat.send("One").await();
        chat.send("Two").await();
        String origin = chat.conversation().id();
        String firstReply = chat.conversation().messages().get(1).id();

        String branch = history.branch(origin, firstReply);

        assertThat(chat.conversation().id()).isEqualTo(branch);
        assertThat(chat.conversation().messages()).extracting(Message::content).first().isEqualTo("One");
        assertThat(chat.conversation().size()).isEqualTo(2);
        assertThat(history.list()).extracting(ConversationSummary::id).containsExactly(branch, origin);
    }

    @Test
    void exportImportAndSessionFilesRoundTrip() throws Exception {
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 0));
        chat.send("Export me").await();
        String id = chat.conversation().id();
        Path json = dir.resolve("export.json");
        history.exportJson(id, json);

        String imported = history.importJson(json);

        SavedConversation a = store.load(id).orElseThrow();
        SavedConversation b = store.load(imported).orElseThrow();
        assertThat(b.messages()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "createdAt")
                .isEqualTo(a.messages());
        assertThat(b.title()).isEqualTo(a.title());

        Path session = dir.resolve("try" + SessionFile.EXTENSION);
        history.saveSession(session);
        ChatSettings before = chat.settings();
        chat.setSettings(ChatSettings.defaults());
        history.openSession(session);
        assertThat(chat.settings()).isEqualTo(before);
        assertThat(chat.conversation().history()).isEqualTo(store.load(imported).orElseThrow().messages().stream()
                .map(m -> new ChatMessage(m.role(), m.content())).toList());
        assertThat(history.list().getFirst().title()).isEqualTo("try");
    }

    @Test
    void openingIsRefusedWhileAReplyArrives() throws Exception {
        server.enqueue(ScriptedServer.Reply.stream().stall());
        Reply reply = chat.send("wait");
        assertThatThrownBy(() -> history.open(chat.conversation().id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop it");
        reply.stop();
        reply.await();
    }

    private SavedMessage awaitStored(String conversation, java.util.function.Predicate<SavedMessage> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var found = store.load(conversation).flatMap(c -> c.messages().stream().filter(wanted).findFirst());
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the partial reply was not saved while it streamed");
    }
}
