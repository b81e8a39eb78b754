package parley.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.team.ScratchPostgres;
import parley.team.TeamSchema;
import parley.team.TeamService;
import parley.team.TeamStatus;
import parley.team.TeamTestSupport;
import parley.ui.UiThread;
import parley.usage.UsageLedger;

/** The team's view model on the same thread, against a real PostgreSQL: a newer schema, leaving with rows queued. */
class TeamViewModelTest {
    @TempDir Path home;

    @Test
    void aNewerSchemaIsShownReadOnlyWithItsMessage() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            try (Connection c = ScratchPostgres.shared().admin(db.user()); Statement st = c.createStatement()) {
                st.execute("INSERT INTO parley_schema (version) VALUES (" + (TeamSchema.latest() + 1) + ")");
            }
            try (TeamService later = new TeamService(ada.database(), ada.secrets(), Map.of(), Clock.systemDefaultZone())) {
                TeamViewModel vm = new TeamViewModel(later, Runnable::run, UiThread.DIRECT);
                vm.refresh();

                assertThat(vm.indicatorProperty().get()).isEqualTo("Team: ada (read-only)");
                assertThat(vm.messageProperty().get()).contains("newer than this Parley knows", "read-only here");
                assertThat(TeamView.describe(vm.statusProperty().get()))
                        .contains("Schema version: " + (TeamSchema.latest() + 1) + " (read-only here)", "Update Parley");
            }
        }
    }

    @Test
    void leavingWhileTheWorkspaceIsAwaySaysHowManyQueuedRowsAreDropped() {
        ScratchPostgres server = ScratchPostgres.startNew();
        ScratchPostgres.Db db = server.newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            TeamViewModel vm = new TeamViewModel(ada.team(), Runnable::run, UiThread.DIRECT);
            vm.connect(db.url(), "ada", db.user(), db.password());
            assertThat(vm.indicatorProperty().get()).isEqualTo("Team: ada");

            server.stop();
            new UsageLedger(ada.database()).append(parley.team.TeamWorkspaceTestRows.entry());
            new UsageLedger(ada.database()).append(parley.team.TeamWorkspaceTestRows.entry());
            vm.sync();
            assertThat(vm.indicatorProperty().get()).isEqualTo("team offline · 2 queued");
            assertThat(vm.statusProperty().get().problem()).contains("cannot be reached");

            vm.disconnect();
            assertThat(vm.messageProperty().get()).isEqualTo("Disconnected. 2 queued rows were not sent to the team; "
                    + "they stay in this computer's ledger.");
            assertThat(vm.indicatorProperty().get()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo(TeamStatus.none(0));
        }
    }
}
