package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.Settings;
import parley.ui.UiThread;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.BudgetStore;
import parley.usage.LedgerEntry;
import parley.usage.LocalMarkStore;
import parley.usage.PriceBook;
import parley.usage.PriceStore;
import parley.usage.RequestOrigin;
import parley.usage.TokenEstimator;
import parley.usage.UsageLedger;
import parley.usage.UsageService;
import parley.usage.UsageTracker;

class ComposerEstimateTest {
    private static final RequestOrigin ATLAS = new RequestOrigin("atlascloud", null, "c", null, LedgerEntry.WINDOW);
    private static final ChatRequest REQUEST = ChatRequest.of("deepseek-ai/deepseek-v3.2-speciale",
            List.of(ChatMessage.user("Hello")));

    @TempDir Path dir;
    private Database db;
    private UsageService service;

    @BeforeEach
    void open() {
        db = AppDatabase.open(dir.resolve("parley.db"));
        Clock clock = Clock.systemDefaultZone();
        service = new UsageService(new UsageTracker(new UsageLedger(db), new PriceBook(new PriceStore(db), new LocalMarkStore(new Settings(db)), clock),
                new TokenEstimator(), clock), new BudgetStore(new Settings(db)), clock);
    }

    @AfterEach
    void close() { db.close(); }

    @Test
    void showsThePromptTokensAndTheCostRangeBeforeSending() {
        ComposerEstimate estimate = new ComposerEstimate(service, Runnable::run, UiThread.DIRECT);
        estimate.update(() -> REQUEST, () -> ATLAS);
        // "Hello": 3 priming + 3 per message + "user" 1 + "Hello" 1 = 8 tokens; 8 * 0.40 = 3.2e-6; + 1024 * 1.20 = 0.0012288
        assertThat(estimate.textProperty().get())
                .isEqualTo("≈ 8 prompt tokens · $0.000003 to $0.001232 with a full 1,024-token reply");
        assertThat(estimate.budgetProperty().get()).isEqualTo(BudgetCheck.OK);
    }

    @Test
    void anUnknownPriceIsSaidSo() {
        ComposerEstimate estimate = new ComposerEstimate(service, Runnable::run, UiThread.DIRECT);
        estimate.update(() -> REQUEST.withModel("mystery"), () -> ATLAS);
        assertThat(estimate.textProperty().get()).isEqualTo("≈ 8 prompt tokens · price unknown");
    }

    @Test
    void oneEstimateRunsAtATimeAndOnlyTheNewestAskedForRunsNext() {
        List<Runnable> queued = new ArrayList<>();
        List<String> estimated = new ArrayList<>();
        ComposerEstimate estimate = new ComposerEstimate(service, queued::add, UiThread.DIRECT);
        estimate.update(() -> { estimated.add("first"); return REQUEST.withModel("mystery"); }, () -> ATLAS);
        estimate.update(() -> { estimated.add("second"); return REQUEST.withModel("mystery"); }, () -> ATLAS);
        estimate.update(() -> { estimated.add("third"); return REQUEST; }, () -> ATLAS);
        assertThat(queued).as("one task for the three letters typed").hasSize(1);
        queued.removeFirst().run();
        assertThat(estimated).containsExactly("third");
        assertThat(queued).isEmpty();
        assertThat(estimate.textProperty().get()).contains("to $0.0012");
    }

    @Test
    void theGateAsksBeforeASendThatCouldPassTheLimitAndRefusesUnderAHardStop() {
        service.tracker().record(ATLAS, REQUEST, new ChatResult("x", "", "stop",
                new Usage(1_000_000, 0, 1_000_000, 0, 0), false, false, null, 1, 2)); // $0.40 today
        List<BudgetCheck> asked = new ArrayList<>();
        List<BudgetCheck> refused = new ArrayList<>();
        boolean[] answer = {false};
        BudgetGate gate = new BudgetGate(service, c -> { asked.add(c); return answer[0]; }, refused::add,
                Runnable::run, UiThread.DIRECT);

        assertThat(verdict(gate)).isTrue();
        assertThat(asked).isEmpty();

        service.saveBudget(new BudgetSettings(new BigDecimal("0.401"), null, false));
        assertThat(verdict(gate)).isFalse();
        assertThat(asked).singleElement().satisfies(c -> assertThat(c.message()).contains("past the limit of $0.4010"));
        answer[0] = true;
        assertThat(verdict(gate)).isTrue();

        service.saveBudget(new BudgetSettings(new BigDecimal("0.401"), null, true));
        assertThat(verdict(gate)).isFalse();
        assertThat(refused).singleElement().satisfies(c -> assertThat(c.verdict()).isEqualTo(BudgetCheck.Verdict.BLOCK));
        assertThat(asked).hasSize(2);
    }

    private static boolean verdict(BudgetGate gate) {
        return gate.approve(() -> REQUEST, () -> ATLAS).toCompletableFuture().join();
    }
}
