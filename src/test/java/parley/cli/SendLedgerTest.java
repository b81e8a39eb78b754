package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.chat.ExchangeRecord;
import parley.chat.Metrics;
import parley.chat.Outcome;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.usage.LedgerEntry;
import parley.usage.TokenCounts;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;

/** Every run of {@code parley send} is written to the usage ledger in the data folder, and --json reports its cost. */
class SendLedgerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScriptedServer server = ScriptedServer.start();

    @TempDir Path home;

    @AfterEach
    void stop() { server.close(); }

    private CliRun send(String... more) {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        List<String> args = new java.util.ArrayList<>(List.of("send", "--base-url", server.baseUrl(), "--model", "tiny-llama"));
        args.addAll(List.of(more));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env, new LedgerHook(env, err, Clock.systemDefaultZone()), args.toArray(String[]::new));
    }

    private List<LedgerEntry> ledger() {
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            return new UsageLedger(db).entries(UsageFilter.ALL);
        }
    }

    @Test
    void aCustomServerOnLoopbackHasAnUnknownPriceOnTheLedgerAndInJson() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun run = send("--message", "Hello", "--include-usage", "--json");
        assertThat(run.code()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.has("cost_usd")).isTrue();
        assertThat(report.get("cost_usd").isNull()).isTrue();

        List<LedgerEntry> rows = ledger();
        assertThat(rows).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(LedgerEntry.CLI);
            assertThat(e.provider()).isEqualTo("custom");
            assertThat(e.model()).isEqualTo("tiny-llama");
            assertThat(e.tokens()).isEqualTo(new TokenCounts(58, 16, 0, 57, false));
            assertThat(e.outcome().label()).isEqualTo("ok");
            assertThat(e.conversationId()).isNull();
            assertThat(e.costUsd()).isNull();
            assertThat(e.cost().isUnknown()).isTrue();
        });
        CliRun usage = CliRun.of(Map.of("PARLEY_HOME", home.toString()), "usage");
        assertThat(usage.out()).contains("1 request has no known price", "parley price local BASE_URL");
    }

    @Test
    void aCustomServerMarkedLocalCostsNothing() throws Exception {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        CliRun mark = CliRun.of(env, "price", "local", server.baseUrl() + "/");
        assertThat(mark.code()).isZero();
        assertThat(mark.out()).contains(server.baseUrl() + " is marked local");
        assertThat(CliRun.of(env, "price", "list").out()).contains("marked local: " + server.baseUrl());

        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun run = send("--message", "Hello", "--include-usage", "--json");
        assertThat(JSON.readTree(run.out()).get("cost_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger().getFirst().costUsd()).isEqualByComparingTo("0");

        assertThat(CliRun.of(env, "price", "local", server.baseUrl(), "--remove").code()).isZero();
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        assertThat(JSON.readTree(send("--message", "Hello", "--include-usage", "--json").out()).get("cost_usd").isNull())
                .isTrue();
        assertThat(ledger().getLast().costUsd()).isNull();
    }

    @Test
    void markingAServerLocalRefusesAMalformedUrlAndAnUnmarkedOne() {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        CliRun malformed = CliRun.of(env, "price", "local", "localhost:4000");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("parley: ").contains("base URL");
        CliRun notMarked = CliRun.of(env, "price", "local", server.baseUrl(), "--remove");
        assertThat(notMarked.code()).isEqualTo(2);
        assertThat(notMarked.err()).contains("is not marked local");
    }

    @Test
    void aBuiltInLocalProfileCostsNothing() {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        ChatRequest request = ChatRequest.of("qwen3:4b", List.of(ChatMessage.user("hi")));
        Usage usage = new Usage(10, 5, 15, null, null);
        ChatResult result = new ChatResult("ok", "", "stop", usage, false, false, null, 3, 4);
        ExchangeRecord record = new ExchangeRecord(null, null, "ollama", null, "qwen3:4b", request, result,
                usage, "stop", Outcome.COMPLETED, null, new Metrics(3L, 4, 5, null, false), Instant.now());
        LedgerHook hook = new LedgerHook(env, System.err, Clock.systemDefaultZone());
        assertThat(hook.recorded(record)).isEqualByComparingTo("0");
        assertThat(ledger()).singleElement().satisfies(e -> assertThat(e.costUsd()).isEqualByComparingTo("0"));
    }

    @Test
    void costUsdComesFromTheSamePriceRule() throws Exception {
        assertThat(CliRun.of(Map.of("PARLEY_HOME", home.toString()),
                "price", "set", "tiny-llama", "--input", "1", "--output", "2", "--cached", "0.5").code()).isZero();
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun run = send("--message", "Hello", "--include-usage", "--json");
        // 1 uncached * 1 + 57 cached * 0.5 + 16 * 2 = 61.5 per million
        assertThat(JSON.readTree(run.out()).get("cost_usd").decimalValue()).isEqualByComparingTo("0.0000615");
        assertThat(ledger().getFirst().costUsd()).isEqualByComparingTo("0.0000615");
    }

    @Test
    void aStreamWithoutUsageIsEstimatedAndAFailureIsRecordedToo() {
        server.enqueue(Reply.recording("llama-server/chat_stream_nousage.txt", 5));
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"bad key\",\"type\":\"auth\"}}"));
        assertThat(send("--message", "Hello").code()).isZero();
        assertThat(send("--message", "Hello").code()).isEqualTo(1);
        List<LedgerEntry> rows = ledger();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).tokens().estimated()).isTrue();
        assertThat(rows.get(0).tokens().completion()).isPositive();
        assertThat(rows.get(1).outcome().label()).isEqualTo("error");
        assertThat(rows.get(1).tokens()).isEqualTo(TokenCounts.ZERO);
    }

    @Test
    void anUnknownPriceIsNullNotZero() {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        ChatRequest request = ChatRequest.of("mystery", List.of(ChatMessage.user("hi")));
        Usage usage = new Usage(10, 5, 15, null, null);
        ChatResult result = new ChatResult("ok", "", "stop", usage, false, false, null, 3, 4);
        ExchangeRecord record = new ExchangeRecord(null, null, "someproxy", null, "mystery", request, result,
                usage, "stop", Outcome.COMPLETED, null, new Metrics(3L, 4, 5, null, false), Instant.now());
        LedgerHook hook = new LedgerHook(env, System.err, Clock.systemDefaultZone());
        assertThat(hook.recorded(record)).isNull();
        assertThat(ledger()).singleElement().satisfies(e -> assertThat(e.costUsd()).isNull());
    }

    @Test
    void aLedgerThatCannotBeWrittenIsSaidInOneLineAndTheReplyStillComes() throws Exception {
        Path file = home.resolve("not-a-folder");
        java.nio.file.Files.writeString(file, "x");
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("PARLEY_HOME", file.toString());
        LedgerHook hook = new LedgerHook(env, new PrintStream(errBytes, true, StandardCharsets.UTF_8), Clock.systemDefaultZone());
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun run = CliRun.of(env, hook, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama",
                "--message", "Hello", "--json");
        assertThat(run.code()).isZero();
        assertThat(JSON.readTree(run.out()).get("content").asText()).isNotEmpty();
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("parley: the request was not written to the usage ledger");
    }
}
