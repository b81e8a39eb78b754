package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.usage.RequestOrigin;
import parley.usage.UsageService;

/** {@code parley usage} and {@code parley price} end to end, over a ledger in a temporary data folder. */
class UsageCommandTest {
    @TempDir Path home;
    private Map<String, String> env;

    @BeforeEach
    void ledger() {
        env = Map.of("PARLEY_HOME", home.toString());
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            record(db, "2026-03-01", "atlascloud", "deepseek-ai/deepseek-v3.2", new Usage(1_000_000, 1_000_000, 2_000_000, 0, 500_000));
            record(db, "2026-03-02", "deepseek", "deepseek-chat", new Usage(1_000_000, 1_000_000, 2_000_000, 300_000, 0));
            record(db, "2026-03-02", "proxy", "mystery", new Usage(10, 5, 15, 0, 0));
        }
    }

    private static void record(Database db, String day, String provider, String model, Usage usage) {
        Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneId.of("UTC"));
        UsageService.over(db, clock).tracker().record(RequestOrigin.cli(provider, null),
                ChatRequest.of(model, List.of(ChatMessage.user("hi"))),
                new ChatResult("ok", "", "stop", usage, false, false, null, 3, 4));
    }

    @Test
    void groupsByModelByDefaultAndSaysWhatIsUnknown() {
        CliRun run = CliRun.of(env, "usage");
        assertThat(run.code()).isZero();
        // v3.2: 0.5M * 0.26 + 0.5M cached * 0.13 + 1M * 0.38 = 0.13 + 0.065 + 0.38 = 0.575
        // deepseek-chat: 1M * 0.28 + 1M * 0.42 = 0.70
        assertThat(run.out()).containsPattern("deepseek-ai/deepseek-v3\\.2 +1 +1,000,000 +1,000,000 +0 +500,000 +\\$0\\.5750");
        assertThat(run.out()).containsPattern("deepseek-chat +1 .* \\$0\\.7000");
        assertThat(run.out()).containsPattern("mystery +1 .* price unknown");
        assertThat(run.out()).containsPattern("total +3 .* \\$1\\.28 \\+ unknown");
        assertThat(run.out()).contains("1 request has no known price");
    }

    @Test
    void groupsByDayAndProviderAndFiltersBySince() {
        CliRun byDay = CliRun.of(env, "usage", "--by", "day");
        assertThat(byDay.out()).containsPattern("2026-03-01 +1 ").containsPattern("2026-03-02 +2 ");
        CliRun since = CliRun.of(env, "usage", "--by", "provider", "--since", "2026-03-02");
        assertThat(since.code()).isZero();
        assertThat(since.out()).doesNotContain("atlascloud").contains("deepseek").contains("proxy");
    }

    @Test
    void csvIsParsedBackToTheSameFigures() {
        CliRun run = CliRun.of(env, "usage", "--by", "provider", "--csv");
        assertThat(run.code()).isZero();
        List<List<String>> rows = parley.usage.UsageCsvTest.parse(run.out());
        assertThat(rows.get(0)).containsExactly("provider", "requests", "prompt_tokens", "completion_tokens",
                "reasoning_tokens", "cached_tokens", "estimated", "cost_usd", "unknown_price_requests");
        assertThat(rows.get(1)).containsExactly("atlascloud", "1", "1000000", "1000000", "0", "500000", "false", "0.575", "0");
        assertThat(rows.get(2)).containsExactly("deepseek", "1", "1000000", "1000000", "300000", "0", "false", "0.7", "0");
        assertThat(rows.get(3)).containsExactly("proxy", "1", "10", "5", "0", "0", "false", "0", "1");
    }

    @Test
    void badInputIsRefusedWithOneLineAndExitCodeTwo() {
        CliRun badBy = CliRun.of(env, "usage", "--by", "week");
        assertThat(badBy.code()).isEqualTo(2);
        assertThat(badBy.err().strip()).isEqualTo("parley: --by must be model, day, provider or member, not 'week'.");
        CliRun badDay = CliRun.of(env, "usage", "--since", "2026-13-01");
        assertThat(badDay.code()).isEqualTo(2);
        assertThat(badDay.err().lines()).hasSize(1).first().asString().contains("YYYY-MM-DD");
    }

    @Test
    void anEmptyLedgerSaysSo(@TempDir Path empty) {
        CliRun run = CliRun.of(Map.of("PARLEY_HOME", empty.toString()), "usage");
        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).isEqualTo("No requests on the ledger.");
    }

    @Test
    void priceSetListAndRemove() {
        CliRun set = CliRun.of(env, "price", "set", "mystery", "--input", "1.5", "--output", "3", "--cached", "0.5");
        assertThat(set.code()).isZero();
        assertThat(set.out()).contains("Price of mystery set: input 1.5, output 3, cached 0.5");

        CliRun list = CliRun.of(env, "price", "list");
        assertThat(list.code()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).startsWith("model");
        assertThat(lines.get(1)).containsPattern("^mystery +any +1\\.5 +3 +0\\.5 +user");
        assertThat(list.out()).containsPattern("deepseek-ai/deepseek-v3\\.2-speciale +atlascloud +0\\.40 +1\\.20 +- +catalog .*not confirmed");
        assertThat(list.out()).containsPattern("deepseek-chat +deepseek +0\\.28 +0\\.42 +0\\.028 +catalog");

        // a price applies to requests from now on; the ledger keeps what was paid
        assertThat(CliRun.of(env, "usage").out()).containsPattern("mystery +1 .* price unknown");

        assertThat(CliRun.of(env, "price", "remove", "mystery").code()).isZero();
        CliRun again = CliRun.of(env, "price", "remove", "mystery");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("no price of your own for mystery");
    }

    @Test
    void priceSetRefusesBadNumbers() {
        CliRun negative = CliRun.of(env, "price", "set", "m", "--input", "-1", "--output", "2");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err().strip()).isEqualTo("parley: --input cannot be negative: give dollars per million tokens, e.g. 0.40.");
        CliRun word = CliRun.of(env, "price", "set", "m", "--input", "abc", "--output", "2");
        assertThat(word.code()).isEqualTo(2);
        assertThat(word.err().lines()).hasSize(1);
        CliRun missing = CliRun.of(env, "price", "set", "m", "--input", "1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--output");
        CliRun bare = CliRun.of(env, "price");
        assertThat(bare.code()).isEqualTo(2);
    }

    @Test
    void modelsKeepsThePricesOfAnAtlasStyleListForLaterRequests() {
        try (parley.testing.ScriptedServer server = parley.testing.ScriptedServer.start()) {
            server.enqueue(parley.testing.ScriptedServer.Reply.json(200, parley.usage.AtlasPricesTest.ATLAS_LIST));
            CliRun models = CliRun.of(env, "models", "--base-url", server.baseUrl());
            assertThat(models.code()).isZero();
            assertThat(models.err()).isEmpty();
            CliRun list = CliRun.of(env, "price", "list");
            assertThat(list.out()).containsPattern("deepseek-ai/deepseek-v3\\.2-speciale +custom +0\\.5 +1\\.50 +- +provider list");
        }
    }
}
