package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.Settings;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.usage.BudgetStore;
import parley.usage.LedgerEntry;
import parley.usage.LocalMarkStore;
import parley.usage.PriceBook;
import parley.usage.PriceStore;
import parley.usage.RequestOrigin;
import parley.usage.TokenEstimator;
import parley.usage.UsageLedger;
import parley.usage.UsageService;
import parley.usage.UsageTotal;
import parley.usage.UsageTracker;

/** The usage panel on Monocle, in a light and a dark theme. */
class UsageViewFxTest extends FxRobot {
    private static final ChatRequest REQUEST = ChatRequest.of("deepseek-ai/deepseek-v3.2", List.of(ChatMessage.user("hi")));

    private Path dir;
    private Database db;
    private UsageService service;
    private UsageViewModel vm;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void data() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("usage-fx");
        db = AppDatabase.open(dir.resolve("parley.db"));
        Clock clock = Clock.systemDefaultZone();
        service = new UsageService(new UsageTracker(new UsageLedger(db), new PriceBook(new PriceStore(db), new LocalMarkStore(new Settings(db)), clock),
                new TokenEstimator(), clock), new BudgetStore(new Settings(db)), clock);
        record("atlascloud", "deepseek-ai/deepseek-v3.2", 1_000_000, 500_000);
        record("deepseek", "deepseek-chat", 200_000, 100_000);
        record("proxy", "mystery", 10, 10);
    }

    private void record(String provider, String model, int prompt, int completion) {
        service.tracker().record(new RequestOrigin(provider, null, "conv-1", null, LedgerEntry.WINDOW),
                REQUEST.withModel(model), new ChatResult("ok", "", "stop",
                        new Usage(prompt, completion, prompt + completion, 0, 0), false, false, null, 5, 9));
    }

    private void show(boolean dark) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            vm = new UsageViewModel(service, background, UiThread.FX, () -> "conv-1");
            stage.setScene(new Scene(new UsageView(vm, new TestDialogs()), 520, 760));
            stage.show();
            vm.refresh();
        });
        waitFor(() -> vm.stateProperty().get() == UsageViewModel.State.READY);
        waitFor(() -> lookup("#usage-message").tryQuery().isPresent()); // its last part: the panel is built in turns
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void showsTotalsTableAndChartReadablyInBothThemes(boolean dark) throws Exception {
        show(dark);
        Label all = lookup("#usage-total-all").queryAs(Label.class);
        assertThat(all.getText()).startsWith("$0.5480 + unknown · 3 requests");
        // the amount is drawn in a colour that stands out from the panel in this theme
        Color text = (Color) all.getTextFill();
        assertThat(dark ? text.getBrightness() > 0.6 : text.getBrightness() < 0.4).isTrue();

        TableView<UsageTotal> table = lookup("#usage-table").queryTableView();
        assertThat(table.getItems()).extracting(UsageTotal::key)
                .containsExactly("deepseek-ai/deepseek-v3.2", "deepseek-chat", "mystery");
        clickOn("#usage-by-provider");
        waitFor(() -> table.getItems().size() == 3 && table.getItems().getFirst().key().equals("atlascloud"));

        StackedBarChart<?, ?> chart = lookup("#usage-chart .chart").queryAs(StackedBarChart.class);
        assertThat(chart.getData()).hasSize(3);
        assertThat(lookup(".usage-note").queryAs(Label.class).getText()).contains("1 request of unknown price");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false})
    void thePriceEditorSetsAPriceAndTheUnknownGoesAway(boolean dark) throws Exception {
        show(dark);
        interact(() -> lookup("#usage-view").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        clickOn("#price-model").write("mystery");
        clickOn("#price-input").write("1");
        clickOn("#price-output").write("abc");
        clickOn("#price-set");
        assertThat(lookup("#usage-message").queryAs(Label.class).getText()).contains("output price");
        lookup("#price-output").queryAs(TextField.class).clear();
        clickOn("#price-output").write("2");
        clickOn("#price-set");
        waitFor(() -> lookup("#usage-message").queryAs(Label.class).getText().startsWith("Price of mystery set"));
        // prices apply to requests from now on; the ledger keeps what each request was priced at
        waitFor(() -> vm.prices().getFirst().model().equals("mystery"));
        assertThat(lookup("#usage-total-all").queryAs(Label.class).getText()).contains("+ unknown");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

}
