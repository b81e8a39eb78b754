package parley.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.ProviderBackends;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** Each request in the log file: what it was and how it ended, its text only when asked, never the key. */
class ExchangeLogTest {
    /** Not shaped like a key, so only knowing it as the key in use can mask it. */
    private static final String KEY = "Qm4rT9vX2kLp8sWn3yBz";

    private final ScriptedServer server = ScriptedServer.start();
    private final ProviderClients clients = new ProviderClients(KeyResolver.of(KEY, Map.of()),
            Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    private final ChatService service = new ChatService(new ProviderBackends(clients));
    private final AtomicBoolean logText = new AtomicBoolean();

    @TempDir
    Path dir;

    private AppLog log;

    private String logFile() throws Exception {
        log.close();
        return Files.readString(dir.resolve("parley.log"));
    }

    void start() {
        log = AppLog.start(dir, AppLog.WINDOW, AppLog.FILE_LIMIT, AppLog.FILES);
        LogSecrets.remember(KEY); // as the window's backends do for every key they use
        service.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama"));
        service.addExchangeListener(new ExchangeLog(logText::get));
    }

    @AfterEach
    void close() {
        clients.close();
        server.close();
        if (log != null) log.close();
    }

    @Test
    void aRequestIsOneLineWithProviderModelStatusTimingsAndSizesButNoText() throws Exception {
        start();
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 5));

        service.send("a secret plan").await();

        String file = logFile();
        assertThat(file).containsPattern("INFO  \\[[^]]*] request: request to custom \\(http://127.0.0.1:\\d+/v1\\) model tiny-llama: "
                + "COMPLETED, status ok, \\d+ ms, first token \\d+ ms, sent 1 messages / 13 chars, received 33 chars "
                + "\\+ 0 reasoning chars, tokens \\d+ in / 16 out, stream true, finish length");
        assertThat(file).doesNotContain("a secret plan").doesNotContain("kDZ over");
    }

    @Test
    void withLogMessageTextOnAKeyTypedAndEchoedInTheReplyIsStillMasked() throws Exception {
        start();
        logText.set(true);
        server.enqueue(Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"You sent the key " + KEY + "\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));

        service.send("my key is " + KEY).await();

        String file = logFile();
        assertThat(file).contains("request text: user: my key is Qm4r…WBz".replace("WBz", "3yBz"))
                .contains("reply text: You sent the key Qm4r…3yBz");
        assertThat(file).doesNotContain(KEY);
    }

    @Test
    void anErrorThatEchoesTheKeyIsLoggedMasked() throws Exception {
        start();
        server.enqueue(Reply.json(401, "{\"code\":401,\"msg\":\"invalid key " + KEY + "\"}"));

        service.send("hello").await();

        String file = logFile();
        assertThat(file).contains("WARN ").contains("FAILED, status 401").contains("invalid key Qm4r…3yBz");
        assertThat(file).doesNotContain(KEY);
    }
}
