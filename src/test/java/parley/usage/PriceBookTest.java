package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import parley.store.Database;
import parley.store.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.provider.ModelInfo;

class PriceBookTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("UTC"));
    private static final String V32 = "deepseek-ai/deepseek-v3.2";

    @TempDir Path dir;

    @Test
    void theCatalogKnowsTheSeedModels() {
        Price speciale = PriceCatalog.find("atlascloud", "deepseek-ai/deepseek-v3.2-speciale").orElseThrow().price();
        assertThat(speciale.input()).isEqualByComparingTo("0.40");
        assertThat(speciale.output()).isEqualByComparingTo("1.20");
        assertThat(speciale.cachedInput()).isNull();
        CatalogEntry v32 = PriceCatalog.find("atlascloud", V32).orElseThrow();
        assertThat(v32.price().cachedInput()).isEqualByComparingTo("0.13");
        assertThat(v32.contextLength()).isEqualTo(163_840);
        Price chat = PriceCatalog.find("deepseek", "deepseek-chat").orElseThrow().price();
        assertThat(chat.input()).isEqualByComparingTo("0.28");
        assertThat(chat.cachedInput()).isEqualByComparingTo("0.028");
        assertThat(chat.output()).isEqualByComparingTo("0.42");
        assertThat(PriceCatalog.entries()).allSatisfy(e -> assertThat(e.price().asOf()).isNotNull());
    }

    @Test
    void userPricesWinOverProviderListsWhichWinOverTheCatalog() {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            PriceBook book = new PriceBook(new PriceStore(c), new LocalMarkStore(new Settings(c)), CLOCK);
            assertThat(book.priceFor("atlascloud", null, V32).orElseThrow().source()).isEqualTo(PriceSource.CATALOG);

            book.refreshFrom("atlascloud", List.of(new ModelInfo(V32, "V3.2", true, new BigDecimal("0.27"),
                    new BigDecimal("0.41"), null, null), ModelInfo.of("no-price-model")));
            Price listed = book.priceFor("atlascloud", null, V32).orElseThrow();
            assertThat(listed.source()).isEqualTo(PriceSource.PROVIDER_LIST);
            assertThat(listed.input()).isEqualByComparingTo("0.27");
            assertThat(listed.asOf()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(book.priceFor("atlascloud", null, "no-price-model")).isEmpty();

            book.setUserPrice(null, V32, new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("0.5"));
            assertThat(book.priceFor("atlascloud", null, V32).orElseThrow().source()).isEqualTo(PriceSource.USER);
            assertThat(book.priceFor("atlascloud", null, V32).orElseThrow().cachedInput()).isEqualByComparingTo("0.5");

            assertThat(book.removeUserPrice(null, V32)).isTrue();
            assertThat(book.priceFor("atlascloud", null, V32).orElseThrow().source()).isEqualTo(PriceSource.PROVIDER_LIST);
        }
    }

    @Test
    void localModelsAreFreeAndUnknownModelsAreUnknown() {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            PriceBook book = new PriceBook(new PriceStore(c), new LocalMarkStore(new Settings(c)), CLOCK);
            Price local = book.priceFor("ollama", null, "qwen3:4b").orElseThrow();
            assertThat(local.input()).isZero();
            assertThat(local.output()).isZero();
            assertThat(book.priceFor("someproxy", null, "qwen3:4b")).isEmpty();
        }
    }

    @Test
    void aCustomServerOnLoopbackIsUnknownUntilMarkedLocalAndTheUsersPriceStillWins() {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            LocalMarkStore marks = new LocalMarkStore(new Settings(c));
            PriceBook book = new PriceBook(new PriceStore(c), marks, CLOCK);
            String proxy = "http://127.0.0.1:4000/v1";
            assertThat(book.priceFor("custom", proxy, "gpt-4o-proxy")).isEmpty();

            assertThat(book.markLocal(proxy + "/", true)).isTrue();
            assertThat(book.markLocal(proxy, true)).isFalse();
            assertThat(book.priceFor("custom", proxy, "gpt-4o-proxy").orElseThrow().source()).isEqualTo(PriceSource.LOCAL);
            assertThat(book.priceFor("custom", "http://127.0.0.1:4001/v1", "gpt-4o-proxy")).isEmpty();
            assertThat(book.locality().marked()).containsExactly(proxy);

            book.setUserPrice("custom", "gpt-4o-proxy", new BigDecimal("2.5"), new BigDecimal("10"), null);
            assertThat(book.priceFor("custom", proxy, "gpt-4o-proxy").orElseThrow().source()).isEqualTo(PriceSource.USER);

            assertThat(book.markLocal(proxy, false)).isTrue();
            assertThat(book.markLocal(proxy, false)).isFalse();
            assertThat(book.priceFor("custom", proxy, "unmarked-model")).isEmpty();
        }
    }

    @Test
    void aLiteLlmProxysModelsHaveOnlyThePricesTheUserSets() {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            PriceBook book = new PriceBook(new PriceStore(c), new LocalMarkStore(new Settings(c)), CLOCK);
            assertThat(book.priceFor("litellm", null, "deepseek-reasoner"))
                    .as("an alias at the proxy is not the catalog's model, and the proxy is no local server").isEmpty();
            book.refreshFrom("litellm", List.of(new ModelInfo("deepseek-reasoner", null, true, new BigDecimal("0.1"),
                    new BigDecimal("0.2"), null, null)));
            assertThat(book.priceFor("litellm", null, "deepseek-reasoner")).isEmpty();

            book.setUserPrice("litellm", "deepseek-reasoner", new BigDecimal("0.3"), new BigDecimal("0.5"), null);
            assertThat(book.priceFor("litellm", null, "deepseek-reasoner").orElseThrow().output())
                    .isEqualByComparingTo("0.5");
        }
    }

    @Test
    void aModelOfOneKnownProviderIsPricedAtAnyBaseUrl() {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            PriceBook book = new PriceBook(new PriceStore(c), new LocalMarkStore(new Settings(c)), CLOCK);
            assertThat(book.priceFor("custom", "http://127.0.0.1:4000/v1", "deepseek-reasoner").orElseThrow().output())
                    .isEqualByComparingTo("0.42");
        }
    }

    @Test
    void theListShowsStoredPricesThenTheCatalog() {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            PriceBook book = new PriceBook(new PriceStore(c), new LocalMarkStore(new Settings(c)), CLOCK);
            book.setUserPrice("openrouter", "x/y", new BigDecimal("1"), new BigDecimal("2"), null);
            List<PriceRow> rows = book.list();
            assertThat(rows.getFirst().model()).isEqualTo("x/y");
            assertThat(rows).hasSize(1 + PriceCatalog.entries().size());
            assertThat(rows).anySatisfy(r -> assertThat(r.note()).contains("not confirmed"));
        }
    }
}
