package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.team.ScratchPostgres;
import parley.team.TeamTestSupport;
import parley.usage.LedgerEntry;
import parley.usage.Outcome;
import parley.usage.TokenCounts;
import parley.usage.UsageLedger;

/** {@code parley usage --team} over two members' data folders and a real PostgreSQL. */
class UsageTeamCommandTest {
    private static final String PASSWORD_ENV = "PARLEY_TEST_TEAM_PASSWORD";

    @TempDir Path home;

    @Test
    void theTeamsCsvByMemberHasTheMemberFirst() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), PASSWORD_ENV);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), PASSWORD_ENV);
            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            new UsageLedger(ada.database()).append(entry("m2", "0.020"));
            new UsageLedger(bo.database()).append(entry("m1", "0.005"));
            bo.team().flush();
            // ada's rows are still queued: the command sends them before it reads
        }
        Map<String, String> env = Map.of("PARLEY_HOME", home.resolve("ada").toString(), PASSWORD_ENV, db.password());
        CliRun csv = CliRun.of(env, "usage", "--team", "--by", "member", "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("member,requests,");
        assertThat(lines.subList(1, lines.size())).hasSize(2);
        assertThat(lines.get(1)).startsWith("ada,2,").contains(",0.03,");
        assertThat(lines.get(2)).startsWith("bo,1,").contains(",0.005,");

        CliRun table = CliRun.of(env, "usage", "--team", "--by", "model");
        assertThat(table.out()).containsPattern("m1 +2 ").containsPattern("total +3 .* \\$0\\.0350");
        // the personal ledger is unchanged: by member it is ada's alone
        CliRun mine = CliRun.of(env, "usage", "--by", "member", "--csv");
        assertThat(mine.out().lines().toList()).hasSize(2).last().asString().startsWith("ada,2,");
    }

    @Test
    void withoutAWorkspaceItSaysHowToConnect() {
        CliRun run = CliRun.of(Map.of("PARLEY_HOME", home.toString()), "usage", "--team");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not connected to a team workspace").contains("parley team connect");
    }

    @Test
    void aWorkspaceAwayIsTeamOfflineWithExitCodeOne() {
        ScratchPostgres own = ScratchPostgres.startNew();
        ScratchPostgres.Db db = own.newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), PASSWORD_ENV);
        }
        own.stop();
        CliRun run = CliRun.of(Map.of("PARLEY_HOME", home.resolve("ada").toString(), PASSWORD_ENV, db.password()),
                "usage", "--team");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("team offline").contains("cannot be reached");
        assertThat(run.err()).doesNotContain(db.password());
    }

    private static LedgerEntry entry(String model, String cost) {
        return new LedgerEntry(0, Instant.now(), LocalDate.now(), "atlascloud", model,
                new TokenCounts(100, 20, 0, 0, false), new BigDecimal(cost), 120L, 900, Outcome.values()[0], null, null,
                LedgerEntry.CLI);
    }
}
