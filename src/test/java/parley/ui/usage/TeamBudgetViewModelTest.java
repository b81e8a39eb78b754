package parley.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.team.ScratchPostgres;
import parley.team.TeamBudgets;
import parley.team.TeamTestSupport;
import parley.ui.UiThread;
import parley.usage.BudgetSettings;

/** The Team budget panel's model, against a real PostgreSQL, without a toolkit. */
class TeamBudgetViewModelTest {
    @TempDir Path home;

    private static TeamBudgetViewModel model(TeamTestSupport member) {
        return new TeamBudgetViewModel(member.team(), Runnable::run, UiThread.DIRECT, Clock.systemDefaultZone());
    }

    @Test
    void withoutAWorkspaceThePanelSaysSo() {
        try (TeamTestSupport alone = TeamTestSupport.member(home.resolve("alone"))) {
            TeamBudgetViewModel vm = model(alone);
            vm.refresh();
            assertThat(vm.connectedProperty().get()).isFalse();
        }
    }

    @Test
    void theTeamsAndAMembersMonthlyLimitsAreSavedToTheWorkspaceAndReadBack() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            TeamBudgetViewModel vm = model(ada);
            vm.refresh();
            assertThat(vm.connectedProperty().get()).isTrue();
            assertThat(vm.memberProperty().get()).isEqualTo("ada");
            assertThat(vm.teamLimitsProperty().get()).isEqualTo(BudgetSettings.NONE);

            assertThat(vm.save("$200", "ada", "20.5", true)).isTrue();
            assertThat(vm.messageProperty().get()).isEqualTo("Team budget saved.");
            assertThat(vm.teamLimitsProperty().get()).isEqualTo(new BudgetSettings(null, new BigDecimal("200"), true));
            assertThat(vm.memberLimitsProperty().get().monthlyLimit()).isEqualByComparingTo("20.5");
            TeamBudgets budgets = new TeamBudgets(ada.team().workspace().orElseThrow(), Clock.systemDefaultZone());
            assertThat(budgets.all()).extracting(TeamBudgets.Row::scope).containsExactly(TeamBudgets.TEAM, "ada");
            assertThat(budgets.all()).allSatisfy(r -> assertThat(r.setBy()).isEqualTo("ada"));

            assertThat(vm.save("", "ada", "", false)).isTrue();
            assertThat(budgets.all()).as("empty limits take the budgets away").isEmpty();
        }
    }

    @Test
    void whatIsNotAnAmountOrANameIsRefusedWithAMessage() {
        try (TeamTestSupport alone = TeamTestSupport.member(home.resolve("alone"))) {
            TeamBudgetViewModel vm = model(alone);
            assertThat(vm.save("-5", "ada", "", true)).isFalse();
            assertThat(vm.messageProperty().get()).contains("must be dollars above zero");
            assertThat(vm.save("0", "ada", "", true)).isFalse();
            assertThat(vm.save("10", " ", "", true)).isFalse();
            assertThat(vm.messageProperty().get()).startsWith("Name the member");
        }
    }
}
