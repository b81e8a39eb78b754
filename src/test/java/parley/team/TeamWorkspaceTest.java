package parley.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.store.Migration;
import parley.usage.LedgerEntry;
import parley.usage.Outcome;
import parley.usage.TokenCounts;
import parley.usage.UsageLedger;

/** Two data folders as two members of one workspace on a real PostgreSQL. */
class TeamWorkspaceTest {
    @TempDir Path home;

    static LedgerEntry entry(String model, String cost) {
        return new LedgerEntry(0, Instant.now(), LocalDate.now(), "atlascloud", model,
                new TokenCounts(100, 20, 0, 0, false), cost == null ? null : new BigDecimal(cost), 120L, 900,
                Outcome.values()[0], null, null, LedgerEntry.CLI);
    }

    @Test
    void twoMembersConnectAndTheirLedgerRowsArriveOnceEach() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            TeamStatus first = ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            assertThat(first.connected()).isTrue();
            assertThat(first.schemaVersion()).isEqualTo(TeamSchema.latest());
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);

            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            new UsageLedger(ada.database()).append(entry("m2", "0.020"));
            new UsageLedger(bo.database()).append(entry("m1", "0.005"));
            assertThat(ada.team().outbox().size()).isEqualTo(2);
            assertThat(ada.team().flush()).isEqualTo(2);
            assertThat(ada.team().flush()).isZero();
            bo.team().flush();

            TeamStatus status = bo.team().status();
            assertThat(status.members()).containsExactly("ada", "bo");
            assertThat(status.queuedRows()).isZero();
            Workspace ws = bo.team().workspace().orElseThrow();
            assertThat(ws.<String>read(c -> {
                try (var st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT member, count(*), sum(cost_usd) FROM team_ledger GROUP BY member ORDER BY member")) {
                    StringBuilder out = new StringBuilder();
                    while (rs.next()) out.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append(' ')
                            .append(rs.getBigDecimal(3).stripTrailingZeros().toPlainString()).append(';');
                    return out.toString();
                }
            })).isEqualTo("ada 2 0.03;bo 1 0.005;");
            assertThat(ws.<String>read(c -> {
                try (var st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT sum(requests), sum(cost_usd) FROM team_daily")) {
                    rs.next();
                    return rs.getLong(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString();
                }
            })).isEqualTo("3 0.035");
        }
    }

    @Test
    void aRowSentAgainAfterItsCommitIsStoredOnce() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            List<TeamOutbox.Queued> queued = ada.team().outbox().oldest(10);
            Workspace ws = ada.team().workspace().orElseThrow();
            ada.team().flush();
            // the commit reached the workspace but the local queue never heard of it: the row is queued again
            ada.database().write(c -> {
                try (var st = c.prepareStatement("INSERT INTO team_outbox (ledger_id, row_key, member) VALUES (?,?,?)")) {
                    st.setLong(1, queued.getFirst().entry().id());
                    st.setString(2, queued.getFirst().key());
                    st.setString(3, "ada");
                    return st.executeUpdate();
                }
            });
            assertThat(ada.team().flush()).isEqualTo(1);
            assertThat(ada.team().outbox().size()).isZero();
            assertThat(count(ws, "team_ledger")).isEqualTo(1);
        }
    }

    @Test
    void aNameTakenByAnotherComputerIsRefusedWithWhatToDo() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            ada.team().workspace().orElseThrow().write(c -> c.createStatement()
                    .executeUpdate("UPDATE team_member SET computer = 'elsewhere' WHERE name = 'ada'"));
            try (TeamTestSupport other = TeamTestSupport.member(home.resolve("other"))) {
                assertThatThrownBy(() -> other.team().connect(db.url(), "ada", db.user(), db.password(), null))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose another with --member");
                assertThat(other.team().config()).isEmpty();
            }
        }
    }

    @Test
    void badUrlsAndNamesSayWhatToChange() {
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            assertThatThrownBy(() -> ada.team().connect("postgres://x/y", "ada", null, null, null))
                    .hasMessageContaining("should start with jdbc:postgresql://");
            assertThatThrownBy(() -> ada.team().connect("jdbc:postgresql://h/db", " ", null, null, null))
                    .hasMessageContaining("--member");
        }
    }

    @Test
    void aPasswordInTheUrlIsTakenOutAndNeverStoredInAFile() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            TeamStatus status = ada.team().connect(db.url() + "?user=" + db.user() + "&password=" + db.password()
                    + "&ApplicationName=x", "ada", null, null, null);
            assertThat(status.connected()).isTrue();
            assertThat(status.url()).isEqualTo(db.url() + "?user=" + db.user() + "&ApplicationName=x");
            assertThat(ada.secrets().get(TeamSettings.secretId(ada.team().config().orElseThrow()))).contains(db.password());
            // were a driver's message to echo it, the log masks it
            assertThat(parley.log.LogSecrets.redact("login failed for " + db.password())).doesNotContain(db.password());
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(db.password());
            }
        }
    }

    @Test
    void aNewerSchemaIsReadButNeverWritten() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        WorkspaceConfig config = new WorkspaceConfig(db.url(), db.user(), "ada", null);
        List<Migration> newer = new java.util.ArrayList<>(TeamSchema.MIGRATIONS);
        newer.add(new Migration(TeamSchema.latest() + 1, "CREATE TABLE from_the_future (x INTEGER)"));
        try (Workspace future = Workspace.open(config, db.password(), newer, 2)) {
            assertThat(future.prepare().version()).isEqualTo(TeamSchema.latest() + 1);
        }
        try (Workspace today = Workspace.open(config, db.password())) {
            assertThat(today.readOnly()).isTrue();
            assertThat(count(today, "team_member")).isZero();
            assertThatThrownBy(() -> today.write(c -> null)).isInstanceOf(WorkspaceUnavailable.class)
                    .hasMessageContaining("read-only").hasMessageContaining("Update Parley");
        }
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            assertThatThrownBy(() -> ada.team().connect(db.url(), "ada", db.user(), db.password(), null))
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void aStoppedServerQueuesRowsThatArriveOnceWhenItIsBack() {
        ScratchPostgres own = ScratchPostgres.startNew();
        ScratchPostgres.Db db = own.newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            ada.team().flush();
            own.stop();
            new UsageLedger(ada.database()).append(entry("m1", "0.020"));
            new UsageLedger(ada.database()).append(entry("m2", null));
            assertThatThrownBy(() -> ada.team().flush()).isInstanceOf(WorkspaceUnavailable.class)
                    .matches(e -> ((WorkspaceUnavailable) e).unreachable());
            TeamStatus away = ada.team().status();
            assertThat(away.connected()).isFalse();
            assertThat(away.queuedRows()).isEqualTo(2);
            assertThat(away.problem()).contains("cannot be reached");
            assertThat(ada.team().offline()).isTrue();
            own.start();
            TeamStatus back = ada.team().status();
            assertThat(back.connected()).isTrue();
            assertThat(back.queuedRows()).isZero();
            assertThat(count(ada.team().workspace().orElseThrow(), "team_ledger")).isEqualTo(3);
        }
    }

    static long count(Workspace ws, String table) {
        return ws.read(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
