package parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.store.AppState;
import parley.store.Database;
import parley.store.SecretStore;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.testing.ScriptedServer;

/**
 * A key used for real requests (stored, streamed with, failed with, exported around) is searched
 * for in every byte the app wrote: the database, its WAL and side files, the exports, the session
 * file and everything logged.
 */
class KeyNeverStoredTest {
    static final String KEY = "sk-live-3b9f1c7e-parley-secret-5d2a8e4f6071";

    @TempDir
    Path dir;

    @Test
    void theKeyIsInNoFileAndNoLogLine() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Handler capture = captureLogs(log);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path exports = Files.createDirectories(dir.resolve("exports"));
        SecretStore secrets = new SessionSecrets("for this run");
        secrets.put("custom", KEY);
        try (ScriptedServer server = ScriptedServer.start();
             Database database = AppDatabase.open(data.resolve("parley.db"))) {
            server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 5));
            server.enqueue(ScriptedServer.Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + KEY + "\",\"type\":\"invalid_request_error\"}}"));
            ConversationStore store = new ConversationStore(database);
            ChatService chat = new ChatService(
                    s -> new ChatClient(ClientConfig.of(server.baseUrl(), secrets.get("custom").orElseThrow())), r -> {});
            chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny"));
            HistoryRecorder recorder = new HistoryRecorder(chat, store, e -> {});
            recorder.setKnownKeys(() -> secrets.get("custom").stream().toList());
            HistoryService history = new HistoryService(store, chat, recorder);
            AppState state = new AppState(new Settings(database));
            state.setProviderAndModel("custom", server.baseUrl(), "tiny");

            chat.send("Hello").await();
            chat.send("Here is my key " + KEY + ", is it valid?").await();
            String id = chat.conversation().id();
            history.exportJson(id, exports.resolve("c.json"));
            history.exportMarkdown(id, exports.resolve("c.md"));
            history.saveSession(exports.resolve("s" + SessionFile.EXTENSION));
            history.branch(id, chat.conversation().messages().getFirst().id());
            recorder.close();

            assertThat(server.requests()).as("the key was really used").allSatisfy(r ->
                    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
            assertThat(Files.list(data).map(p -> p.getFileName().toString()).toList())
                    .as("the WAL is there to be searched").contains("parley.db-wal");
            assertNoKeyIn(data);
            assertNoKeyIn(exports);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(KEY).doesNotContain(KEY.substring(8, 30));
    }

    private static void assertNoKeyIn(Path folder) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = KEY.getBytes(StandardCharsets.UTF_16LE);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(indexOf(bytes, key)).as("key bytes in " + file).isEqualTo(-1);
            assertThat(indexOf(bytes, utf16)).as("UTF-16 key bytes in " + file).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static Handler captureLogs(ByteArrayOutputStream out) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String line = record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage()
                        + (record.getThrown() == null ? "" : " " + record.getThrown()) + "\n";
                out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        return handler;
    }
}
