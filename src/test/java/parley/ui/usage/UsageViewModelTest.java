package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
import parley.usage.BudgetStore;
import parley.usage.GroupBy;
import parley.usage.LedgerEntry;
import parley.usage.LocalMarkStore;
import parley.usage.PriceBook;
import parley.usage.PriceRow;
import parley.usage.PriceSource;
import parley.usage.PriceStore;
import parley.usage.RequestOrigin;
import parley.usage.TokenEstimator;
import parley.usage.UsageLedger;
import parley.usage.UsageService;
import parley.usage.UsageTracker;

class UsageViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("UTC"));
    private static final ChatRequest REQUEST = ChatRequest.of("deepseek-ai/deepseek-v3.2", List.of(ChatMessage.user("hi")));

    @TempDir Path dir;
    private Database db;
    private UsageService service;
    private UsageViewModel vm;

    @BeforeEach
    void open() {
        db = AppDatabase.open(dir.resolve("parley.db"));
        UsageTracker tracker = new UsageTracker(new UsageLedger(db), new PriceBook(new PriceStore(db), new LocalMarkStore(new Settings(db)), CLOCK),
                new TokenEstimator(), CLOCK);
        service = new UsageService(tracker, new BudgetStore(new Settings(db)), CLOCK);
        vm = new UsageViewModel(service, Runnable::run, UiThread.DIRECT, () -> "conv-1");
    }

    @AfterEach
    void close() { db.close(); }

    private void record(String provider, String model, String conversation, int prompt, int completion) {
        service.tracker().record(new RequestOrigin(provider, null, conversation, null, LedgerEntry.WINDOW),
                REQUEST.withModel(model), new ChatResult("hello", "", "stop",
                        new Usage(prompt, completion, prompt + completion, 0, 0), false, false, null, 10, 20));
    }

    @Test
    void totalsShowTheConversationTheDayTheMonthAndAllTime() {
        record("atlascloud", "deepseek-ai/deepseek-v3.2", "conv-1", 1_000_000, 0);  // $0.26
        record("atlascloud", "deepseek-ai/deepseek-v3.2", "conv-2", 0, 1_000_000);  // $0.38
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo(UsageViewModel.State.READY);
        assertThat(vm.conversationTextProperty().get()).isEqualTo("$0.2600 · 1 request · 1,000,000 tokens");
        assertThat(vm.todayTextProperty().get()).startsWith("$0.6400 · 2 requests");
        assertThat(vm.monthTextProperty().get()).startsWith("$0.6400");
        assertThat(vm.allTimeTextProperty().get()).startsWith("$0.6400");
    }

    @Test
    void anUnknownPriceShowsInEveryTotalAndTheTable() {
        record("atlascloud", "deepseek-ai/deepseek-v3.2", "conv-1", 1_000_000, 0);
        record("proxy", "mystery", "conv-1", 10, 10);
        vm.refresh();
        assertThat(vm.conversationTextProperty().get()).startsWith("$0.2600 + unknown");
        assertThat(vm.allTimeTextProperty().get()).startsWith("$0.2600 + unknown");
        assertThat(vm.groups()).extracting(g -> g.key()).containsExactly("deepseek-ai/deepseek-v3.2", "mystery");
        assertThat(vm.groups().get(1).cost().isUnknown()).isTrue();
        assertThat(vm.dailyCostsProperty().get().unknownByDay()).hasSize(1);
    }

    @Test
    void theTableGroupsAndFilters() {
        record("atlascloud", "deepseek-ai/deepseek-v3.2", "conv-1", 100, 100);
        record("deepseek", "deepseek-chat", "conv-1", 100, 100);
        vm.refresh();
        vm.groupBy(GroupBy.PROVIDER);
        assertThat(vm.groups()).extracting(g -> g.key()).containsExactly("atlascloud", "deepseek");
        assertThat(vm.providerChoices()).containsExactly("atlascloud", "deepseek");
        vm.filter("deepseek", null, null, null);
        assertThat(vm.groups()).extracting(g -> g.key()).containsExactly("deepseek");
        vm.filter(null, null, java.time.LocalDate.of(2026, 3, 11), java.time.LocalDate.of(2026, 3, 10));
        assertThat(vm.messageProperty().get()).contains("swap them");
    }

    @Test
    void thePriceEditorRefusesBadNumbersAndSetsGoodOnes() {
        vm.refresh();
        assertThat(vm.setPrice("m", "", "abc", "1", "")).isFalse();
        assertThat(vm.messageProperty().get()).contains("input price");
        assertThat(vm.setPrice("m", "", "1", "-2", "")).isFalse();
        assertThat(vm.messageProperty().get()).contains("output price");
        assertThat(vm.setPrice("m", "", "1", "2", "x")).isFalse();
        assertThat(vm.setPrice("", "", "1", "2", "")).isFalse();
        assertThat(vm.setPrice("my/model", "", "0.5", "1.5", "0.1")).isTrue();
        PriceRow mine = vm.prices().getFirst();
        assertThat(mine.model()).isEqualTo("my/model");
        assertThat(mine.price().source()).isEqualTo(PriceSource.USER);
        vm.removePrice(vm.prices().stream().filter(r -> r.price().source() == PriceSource.CATALOG).findFirst().orElseThrow());
        assertThat(vm.messageProperty().get()).contains("Only your own prices");
        vm.removePrice(mine);
        assertThat(vm.prices()).noneMatch(r -> r.model().equals("my/model"));
    }

    @Test
    void theBudgetIsSavedAndWarnsAtEightyPercent() {
        assertThat(vm.saveBudget("zero", "", false)).isFalse();
        assertThat(vm.saveBudget("0", "", false)).isFalse();
        assertThat(vm.saveBudget("0.30", "10", true)).isTrue();
        assertThat(vm.budgetProperty().get().dailyLimit()).isEqualByComparingTo("0.30");
        assertThat(vm.budgetProperty().get().hardStop()).isTrue();
        assertThat(vm.budgetStatusProperty().get().verdict()).isEqualTo(BudgetCheck.Verdict.OK);
        record("atlascloud", "deepseek-ai/deepseek-v3.2", "conv-1", 1_000_000, 0); // $0.26 of $0.30
        vm.refresh();
        assertThat(vm.budgetStatusProperty().get().verdict()).isEqualTo(BudgetCheck.Verdict.WARNING);
        assertThat(vm.budgetStatusProperty().get().message()).contains("86%");
    }

    @Test
    void exportWritesEveryMatchingRequest() throws Exception {
        record("atlascloud", "deepseek-ai/deepseek-v3.2", "conv-1", 100, 100);
        record("deepseek", "deepseek-chat", "conv-1", 100, 100);
        vm.filter("deepseek", null, null, null);
        Path file = dir.resolve("out.csv");
        vm.exportCsv(file);
        assertThat(vm.messageProperty().get()).startsWith("Saved 1 request to");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("deepseek-chat");
    }
}
