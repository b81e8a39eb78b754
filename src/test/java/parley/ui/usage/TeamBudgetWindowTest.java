package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.store.Database;
import parley.team.ScratchPostgres;
import parley.team.TeamBudgets;
import parley.team.TeamPrices;
import parley.team.TeamTestSupport;
import parley.testing.ScriptedServer;
import parley.ui.MainWindow;
import parley.ui.TestDialogs;
import parley.ui.TestWindow;
import parley.ui.UiThread;
import parley.ui.WindowContext;
import parley.ui.chat.ChatViewModel;
import parley.ui.chat.FrameClock;
import parley.usage.BudgetSettings;
import parley.usage.LedgerEntry;
import parley.usage.PriceStore;

/** The window's sends under a team's budget and prices, the team on a real PostgreSQL. */
class TeamBudgetWindowTest {
    @TempDir Path dir;
    private final ScriptedServer server = ScriptedServer.start();
    private final BlockingQueue<ChatEvent.Ended> ends = new LinkedBlockingQueue<>();
    private final BlockingQueue<LedgerEntry> recorded = new LinkedBlockingQueue<>();
    private final TestDialogs dialogs = new TestDialogs();
    private Database db;
    private ChatViewModel chatModel;
    private UsageFeature feature;
    private WindowContext context;
    private TeamTestSupport ada;
    private TeamBudgets budgets;

    @BeforeEach
    void setUp() throws Exception {
        ScratchPostgres.Db pg = ScratchPostgres.shared().newDatabase();
        ada = TeamTestSupport.member(dir.resolve("ada"));
        ada.team().connect(pg.url(), "ada", pg.user(), pg.password(), null);
        budgets = new TeamBudgets(ada.team().workspace().orElseThrow(), Clock.systemDefaultZone());
        new TeamPrices(ada.team().workspace().orElseThrow(), Clock.systemDefaultZone())
                .set(PriceStore.ANY_PROVIDER, "tiny-llama", new BigDecimal("10"), new BigDecimal("20"), null, "ada");

        FxToolkit.registerPrimaryStage();
        db = AppDatabase.open(dir.resolve("parley.db"));
        ChatService chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> {});
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama"));
        chat.addListener(e -> { if (e instanceof ChatEvent.Ended end) ends.add(end); });
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> window[0] = new MainWindow());
        chatModel = new ChatViewModel(chat, UiThread.DIRECT, FrameClock.immediate());
        context = TestWindow.context(window[0], chat, chatModel, db, Runnable::run, UiThread.DIRECT, dialogs);
        context.team().connect(pg.url(), "bo", pg.user(), pg.password(), null);
        feature = new UsageFeature(context);
        feature.service().setUserPrice(null, "tiny-llama", new BigDecimal("1"), new BigDecimal("2"), null);
        feature.service().tracker().addListener(recorded::add);
    }

    @AfterEach
    void tearDown() {
        feature.close();
        context.team().close();
        ada.close();
        server.close();
        db.close();
    }

    @Test
    void theTeamsHardStopRefusesTheWindowsSend() {
        budgets.set(TeamBudgets.TEAM, new BudgetSettings(null, new BigDecimal("0.01"), true), "ada");
        chatModel.setDraft("Hello");
        chatModel.send();
        assertThat(dialogs.warned).singleElement().satisfies(w -> assertThat(w).contains("Team budget: "));
        assertThat(server.requestCount()).isZero();
        assertThat(chatModel.draftProperty().get()).as("nothing typed is lost").isEqualTo("Hello");
    }

    @Test
    void aSendWithinTheTeamsBudgetIsPricedByTheTeamAndItsHoldGivenBackWhenItEnds() throws Exception {
        budgets.set(TeamBudgets.TEAM, new BudgetSettings(null, new BigDecimal("10"), true), "ada");
        server.enqueue(ScriptedServer.Reply.recording("llama-server/chat_stream.txt", 7));
        chatModel.setDraft("Hello");
        chatModel.send();
        assertThat(ends.poll(10, TimeUnit.SECONDS)).as("the reply ended").isNotNull();
        LedgerEntry row = recorded.poll(10, TimeUnit.SECONDS);
        assertThat(row).as("the request is on the ledger").isNotNull();
        // (58 prompt * 10 + 16 * 20) per million: the team's price, not bo's own
        assertThat(row.costUsd()).isEqualByComparingTo("0.0009");
        assertThat(budgets.held()).isZero();
        assertThat(dialogs.warned).isEmpty();
    }
}
