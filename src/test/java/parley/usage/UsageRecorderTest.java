package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.store.Database;
import parley.store.Settings;
import parley.testing.ScriptedServer;

/** The window's chat, against recordings of a real llama-server, writes one priced ledger row per reply. */
class UsageRecorderTest {
    @TempDir Path dir;

    @Test
    void everyFinishedReplyIsOnTheLedgerWithTheReportedOrEstimatedTokens() throws Exception {
        try (Database db = TestDb.open(dir.resolve("parley.db"));
             ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));
            server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream_nousage.txt", 5));
            UsageTracker tracker = new UsageTracker(new UsageLedger(db), new PriceBook(new PriceStore(db), new LocalMarkStore(new Settings(db)),
                    Clock.systemDefaultZone()), new TokenEstimator(), Clock.systemDefaultZone());
            tracker.prices().setUserPrice(null, "tiny-llama", new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("0.5"));
            ChatService chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> {});
            chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama"));
            chat.addExchangeListener(new UsageRecorder(tracker));

            chat.send("Hello").await();
            chat.send("Again").await();

            List<LedgerEntry> rows = tracker.ledger().entries(UsageFilter.conversation(chat.conversation().id()));
            assertThat(rows).hasSize(2);
            LedgerEntry reported = rows.get(0);
            assertThat(reported.provider()).isEqualTo("custom");
            assertThat(reported.origin()).isEqualTo(LedgerEntry.WINDOW);
            assertThat(reported.messageId()).isNotBlank();
            assertThat(reported.tokens()).isEqualTo(new TokenCounts(58, 16, 0, 57, false));
            // 1 uncached * 1 + 57 cached * 0.5 + 16 * 2 = 61.5 per million
            assertThat(reported.costUsd()).isEqualByComparingTo("0.0000615");
            assertThat(reported.outcome()).isEqualTo(Outcome.OK);
            assertThat(reported.ttftMillis()).isNotNull();

            LedgerEntry estimated = rows.get(1);
            assertThat(estimated.tokens().estimated()).isTrue();
            assertThat(estimated.tokens().prompt()).isPositive();
            assertThat(estimated.tokens().completion()).isPositive();
            assertThat(Money.format(estimated.cost())).startsWith("≈ $");
        }
    }
}
