package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.provider.ModelListParser;
import parley.store.Database;

/** Prices read from a model list in Atlas Cloud's format win over the catalog and price the requests. */
public class AtlasPricesTest {
    public static final String ATLAS_LIST = """
            {"code":200,"msg":"success","data":[
             {"model":"deepseek-ai/deepseek-v3.2-speciale","display_console":true,"is_ready":true,
              "price":{"actual":{"input_price":0.5,"output_price":"1.50"},"original":{"input_price":1}}},
             {"model":"deepseek-ai/deepseek-v3.2","display_console":true,"is_ready":true,"context_length":163840,
              "price":{"actual":{"input_price":"0.26","output_price":"0.38","cached_input_price":"0.13"}}},
             {"model":"qwen/qwen3-coder","display_console":true,"is_ready":true}
            ]}""";

    @TempDir Path dir;

    @Test
    void theListsPricesAreKeptAndUsed() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("UTC"));
        try (Database db = TestDb.open(dir.resolve("parley.db"))) {
            UsageService service = UsageService.over(db, clock);
            int kept = service.tracker().prices().refreshFrom("atlascloud", ModelListParser.parse(ATLAS_LIST));
            assertThat(kept).isEqualTo(2);

            Price speciale = service.tracker().prices().priceFor("atlascloud", null,
                    "deepseek-ai/deepseek-v3.2-speciale").orElseThrow();
            assertThat(speciale.source()).isEqualTo(PriceSource.PROVIDER_LIST);
            assertThat(speciale.input()).isEqualByComparingTo("0.5");
            assertThat(speciale.output()).isEqualByComparingTo("1.50");
            assertThat(speciale.asOf()).isEqualTo(java.time.LocalDate.of(2026, 3, 10));
            assertThat(service.tracker().prices().priceFor("atlascloud", null, "deepseek-ai/deepseek-v3.2")
                    .orElseThrow().cachedInput()).isEqualByComparingTo("0.13");
            assertThat(service.tracker().prices().priceFor("atlascloud", null, "qwen/qwen3-coder")).isEmpty();

            LedgerEntry e = service.tracker().record(new RequestOrigin("atlascloud", null, null, null, LedgerEntry.CLI),
                    ChatRequest.of("deepseek-ai/deepseek-v3.2-speciale", List.of(ChatMessage.user("hi"))),
                    new ChatResult("ok", "", "stop", new Usage(1_000_000, 1_000_000, 2_000_000, 0, 0),
                            false, false, null, 1, 2));
            assertThat(e.costUsd()).isEqualByComparingTo("2.00");
            assertThat(service.prices()).first().satisfies(r -> assertThat(r.price().source()).isEqualTo(PriceSource.PROVIDER_LIST));
        }
    }
}
