package parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Outcome;
import parley.chat.Reply;
import parley.store.Database;
import parley.testing.ScriptedServer;

/**
 * Send does not wait for the history: the request reaches the server while the database is held by
 * someone else, and the saves that wait for it land afterwards in the order they were asked for.
 */
class SaveOrderTest {
    @TempDir
    Path dir;
    ScriptedServer server;
    Database database;
    ConversationStore store;
    ChatService chat;
    HistoryRecorder recorder;
    final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = ScriptedServer.start();
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ConversationStore(database);
        chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> {});
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny"));
        recorder = new HistoryRecorder(chat, store, Clock.systemUTC(), Duration.ZERO, errors::add);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        database.close();
        server.close();
    }

    @Test
    void theRequestReachesTheServerWhileTheDatabaseIsHeld() throws Exception {
        server.enqueue(ScriptedServer.Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Fine.\"},"
                + "\"finish_reason\":\"stop\"}]}"));
        try (Holder held = Holder.hold(database)) {
            CompletableFuture<ChatEvent.Ended> sending = sendAside("Is the tea ready?");

            assertThat(server.takeRequest(10, TimeUnit.SECONDS)).as("the request left before the save").isNotNull();
            assertThat(sending.get(10, TimeUnit.SECONDS).message().content()).isEqualTo("Fine.");
        }
        recorder.flush();

        SavedConversation saved = store.load(chat.conversation().id()).orElseThrow();
        assertThat(saved.messages()).extracting(SavedMessage::role, SavedMessage::content, SavedMessage::status)
                .containsExactly(tuple("user", "Is the tea ready?", "COMPLETE"),
                        tuple("assistant", "Fine.", "COMPLETE"));
        assertThat(errors).isEmpty();
    }

    @Test
    void theSavesWhileStreamingAndAtTheEndComeAfterTheFirstSave() throws Exception {
        server.enqueue(ScriptedServer.Reply.stream().events(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"One \"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"two \"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"three.\"},\"finish_reason\":\"stop\"}]}"));
        try (Holder held = Holder.hold(database)) {
            // the whole reply arrives and ends while the first save is still waiting for the database
            assertThat(sendAside("Count to three").get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
        }
        recorder.flush();

        SavedConversation saved = store.load(chat.conversation().id()).orElseThrow();
        assertThat(saved.messages()).extracting(SavedMessage::role).containsExactly("user", "assistant");
        SavedMessage reply = saved.messages().get(1);
        assertThat(reply.status()).as("the final save is the last one").isEqualTo("COMPLETE");
        assertThat(reply.content()).isEqualTo("One two three.");
        assertThat(reply.model()).isEqualTo("tiny");
        assertThat(errors).isEmpty();
    }

    @Test
    void theUserMessageIsSavedWhileTheReplyIsStillArriving() throws Exception {
        server.enqueue(ScriptedServer.Reply.stream().stall());
        Reply reply = chat.send("Tell me later");
        String id = chat.conversation().id();

        recorder.flush();

        assertThat(store.load(id).orElseThrow().messages()).extracting(SavedMessage::role, SavedMessage::status)
                .containsExactly(tuple("user", "COMPLETE"),
                        tuple("assistant", "STREAMING"));
        reply.stop();
        reply.await();
    }

    /**
     * Sends on a thread of its own, which a send that waited for the database would block, and waits for
     * the end there. Not in the common pool: with its one worker on 2 cores waiting there, the JDK's
     * HTTP client never sends the request (seen here: {@code sendAsync} does not complete).
     */
    private CompletableFuture<ChatEvent.Ended> sendAside(String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return chat.send(text).await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, work -> Thread.ofPlatform().daemon().name("send-aside").start(work));
    }

    /** Holds the database (every call on it waits) from another thread until closed. */
    private static final class Holder implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        private Holder(Database database, CountDownLatch held) {
            thread = Thread.ofPlatform().start(() -> {
                synchronized (database) {
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        static Holder hold(Database database) throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            Holder holder = new Holder(database, held);
            held.await();
            return holder;
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }
}
