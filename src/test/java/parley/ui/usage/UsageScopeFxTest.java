package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.team.ScratchPostgres;
import parley.team.TeamTestSupport;
import parley.team.TeamUsageScopes;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.usage.LedgerEntry;
import parley.usage.Outcome;
import parley.usage.TokenCounts;
import parley.usage.UsageLedger;
import parley.usage.UsageService;
import parley.usage.UsageTotal;

/** The usage panel's scope, me or the team, on Monocle over a real PostgreSQL workspace. */
class UsageScopeFxTest extends FxRobot {
    private static final Clock CLOCK = Clock.systemDefaultZone();

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private TeamTestSupport ada;
    private TeamTestSupport bo;
    private TeamUsageScopes scopes;
    private UsageViewModel vm;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        if (scopes != null) scopes.close();
        if (ada != null) ada.close();
        if (bo != null) bo.close();
    }

    @Test
    void switchesBetweenMeAndTheTeamAndShowsTheLastFiguresWhenTheTeamIsOffline() throws Exception {
        Path home = Files.createTempDirectory("usage-scope");
        ScratchPostgres own = ScratchPostgres.startNew();
        ScratchPostgres.Db db = own.newDatabase();
        ada = TeamTestSupport.member(home.resolve("ada"));
        bo = TeamTestSupport.member(home.resolve("bo"));
        ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
        bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
        new UsageLedger(ada.database()).append(entry("m1", "0.010"));
        new UsageLedger(ada.database()).append(entry("m2", "0.020"));
        new UsageLedger(bo.database()).append(entry("m1", "0.005"));
        ada.team().flush();
        bo.team().flush();
        UsageService personal = UsageService.over(ada.database(), CLOCK, () -> "ada");
        scopes = new TeamUsageScopes(ada.database(), ada::team, personal, CLOCK);
        show(new UsageViewModel(personal, scopes, background, UiThread.FX, () -> null));

        assertThat(lookup("#usage-scope").query().isVisible()).isTrue();
        assertThat(lookup("#usage-by-member").query().isVisible()).isTrue();
        Label all = lookup("#usage-total-all").queryAs(Label.class);
        assertThat(all.getText()).startsWith("$0.0300 · 2 requests");

        clickOn("#usage-scope-team");
        waitFor(() -> all.getText().startsWith("$0.0350 · 3 requests"));
        clickOn("#usage-by-member");
        TableView<UsageTotal> table = lookup("#usage-table").queryTableView();
        waitFor(() -> table.getItems().size() == 2 && table.getItems().getFirst().key().equals("ada"));
        assertThat(table.getItems()).extracting(UsageTotal::requests).containsExactly(2, 1);
        assertThat(lookup("#usage-team-offline").query().isVisible()).isFalse();

        own.stop();
        clickOn("#usage-refresh");
        Label offline = lookup("#usage-team-offline").queryAs(Label.class);
        waitFor(() -> offline.isVisible() && vm.stateProperty().get() == UsageViewModel.State.READY);
        assertThat(offline.getText()).startsWith("Team offline");
        assertThat(all.getText()).startsWith("$0.0350 · 3 requests");
        assertThat(table.getItems()).extracting(UsageTotal::key).containsExactly("ada", "bo");
    }

    @Test
    void withoutAWorkspaceThereIsNoScopeAndNoGroupingByMember() throws Exception {
        Path home = Files.createTempDirectory("usage-scope");
        ada = TeamTestSupport.member(home.resolve("ada"));
        new UsageLedger(ada.database()).append(entry("m1", "0.010"));
        UsageService personal = UsageService.over(ada.database(), CLOCK);
        scopes = new TeamUsageScopes(ada.database(), ada::team, personal, CLOCK);
        show(new UsageViewModel(personal, scopes, background, UiThread.FX, () -> null));
        assertThat(lookup("#usage-total-all").queryAs(Label.class).getText()).startsWith("$0.0100 · 1 request");
        assertThat(lookup("#usage-scope").query().isVisible()).isFalse();
        assertThat(lookup("#usage-by-member").query().isVisible()).isFalse();
    }

    private void show(UsageViewModel model) throws Exception {
        vm = model;
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new UsageView(vm, new TestDialogs()), 520, 760));
            stage.show();
            vm.refresh();
        });
        waitFor(() -> vm.stateProperty().get() == UsageViewModel.State.READY);
    }

    private static LedgerEntry entry(String model, String cost) {
        return new LedgerEntry(0, Instant.now(), LocalDate.now(), "atlascloud", model,
                new TokenCounts(100, 20, 0, 0, false), new BigDecimal(cost), 120L, 900, Outcome.values()[0], null, null,
                LedgerEntry.CLI);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
