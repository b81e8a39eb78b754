package parley.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parley.team.TeamWorkspaceTest.entry;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.usage.GroupBy;
import parley.usage.UsageCsv;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;
import parley.usage.UsageService;
import parley.usage.UsageSnapshot;
import parley.usage.UsageTotal;

/** The team's usage read by two members of one workspace on a real PostgreSQL: totals, by member, and "me". */
class TeamUsageTest {
    private static final Clock CLOCK = Clock.systemDefaultZone();

    @TempDir Path home;

    @Test
    void bothMembersReadTheTeamsTotalsAndTheTotalsByMember() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            new UsageLedger(ada.database()).append(entry("m2", "0.020"));
            new UsageLedger(ada.database()).append(entry("m2", null));
            new UsageLedger(bo.database()).append(entry("m1", "0.005"));
            ada.team().flush();
            bo.team().flush();

            for (TeamTestSupport member : List.of(ada, bo)) {
                TeamUsageReader team = TeamUsageReader.team(member.team(), personal(member), CLOCK);
                UsageTotal all = team.overview(null).allTime();
                assertThat(all.requests()).isEqualTo(4);
                assertThat(all.cost().known()).isEqualByComparingTo("0.035");
                assertThat(all.cost().unknownParts()).isEqualTo(1);
                assertThat(team.overview(null).today().requests()).isEqualTo(4);
                List<UsageTotal> byMember = team.group(UsageFilter.ALL, GroupBy.MEMBER);
                assertThat(byMember).extracting(UsageTotal::key).containsExactly("ada", "bo");
                assertThat(byMember).extracting(UsageTotal::requests).containsExactly(3, 1);
                assertThat(byMember.getFirst().cost().known()).isEqualTo(new BigDecimal("0.03"));
                assertThat(byMember.getLast().cost().known()).isEqualTo(new BigDecimal("0.005"));
                assertThat(team.group(UsageFilter.ALL.withModel("m1"), GroupBy.MEMBER)).extracting(UsageTotal::requests)
                        .containsExactly(1, 1);
                assertThat(team.group(UsageFilter.ALL, GroupBy.MODEL)).extracting(UsageTotal::key).containsExactly("m1", "m2");
                assertThat(team.dailyCosts(UsageFilter.ALL).byDay().get(LocalDate.now()))
                        .containsEntry("m1", new BigDecimal("0.015")).containsEntry("m2", new BigDecimal("0.02"));
                assertThat(team.models()).containsExactly("m1", "m2");
            }
            TeamUsageReader adaAlone = TeamUsageReader.me(ada.team(), personal(ada), CLOCK);
            assertThat(adaAlone.overview(null).allTime().requests()).isEqualTo(3);
            assertThat(adaAlone.group(UsageFilter.ALL, GroupBy.MEMBER)).extracting(UsageTotal::key).containsExactly("ada");

            Path csv = home.resolve("team.csv");
            assertThat(TeamUsageReader.team(bo.team(), personal(bo), CLOCK).exportCsv(UsageFilter.ALL, csv)).isEqualTo(4);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.getFirst()).isEqualTo(String.join(",", UsageCsv.MEMBER_ENTRY_HEADER));
            assertThat(lines.getFirst()).startsWith("member,time,");
            assertThat(lines.subList(1, 5)).filteredOn(l -> l.startsWith("bo,")).hasSize(1);
        }
    }

    @Test
    void thePersonalLedgerByMemberIsOneGroupUnderThisMembersName() {
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            new UsageLedger(ada.database()).append(entry("m2", "0.020"));
            assertThat(UsageService.over(ada.database(), CLOCK, () -> "ada").group(UsageFilter.ALL, GroupBy.MEMBER))
                    .singleElement().satisfies(t -> {
                        assertThat(t.key()).isEqualTo("ada");
                        assertThat(t.requests()).isEqualTo(2);
                        assertThat(t.cost().known()).isEqualByComparingTo("0.03");
                    });
            assertThat(UsageService.over(ada.database(), CLOCK).group(UsageFilter.ALL, GroupBy.MEMBER))
                    .extracting(UsageTotal::key).containsExactly(GroupBy.ME);
        }
    }

    @Test
    void meIncludesTheRowsQueuedWhileTheServerIsStopped() {
        ScratchPostgres own = ScratchPostgres.startNew();
        ScratchPostgres.Db db = own.newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            new UsageLedger(ada.database()).append(entry("m1", "0.010"));
            ada.team().flush();
            TeamUsageReader me = TeamUsageReader.me(ada.team(), personal(ada), CLOCK);
            TeamUsageReader team = TeamUsageReader.team(ada.team(), personal(ada), CLOCK);
            assertThat(me.snapshot(null, UsageFilter.ALL, GroupBy.MODEL).overview().allTime().requests()).isEqualTo(1);
            assertThat(team.snapshot(null, UsageFilter.ALL, GroupBy.MODEL).problem()).isNull();

            own.stop();
            new UsageLedger(ada.database()).append(entry("m1", "0.020"));
            new UsageLedger(ada.database()).append(entry("m2", null));
            UsageSnapshot away = me.snapshot(null, UsageFilter.ALL, GroupBy.MODEL);
            assertThat(away.problem()).contains("cannot be reached");
            assertThat(away.overview().allTime().requests()).isEqualTo(3);
            assertThat(away.overview().allTime().cost().known()).isEqualByComparingTo("0.030");
            assertThat(away.groups()).extracting(UsageTotal::key).containsExactly("m1", "m2");
            assertThat(away.groups()).extracting(UsageTotal::requests).containsExactly(2, 1);
            assertThat(ada.team().offline()).isTrue();
            // the team's scope shows the last figures it read, marked
            UsageSnapshot teamAway = team.snapshot(null, UsageFilter.ALL, GroupBy.MODEL);
            assertThat(teamAway.problem()).contains("cannot be reached");
            assertThat(teamAway.overview().allTime().requests()).isEqualTo(1);
            assertThatThrownBy(() -> team.group(UsageFilter.ALL, GroupBy.MEMBER)).isInstanceOf(WorkspaceUnavailable.class)
                    .matches(e -> ((WorkspaceUnavailable) e).unreachable());

            own.start();
            awaitBack(ada.team());
            UsageSnapshot back = me.snapshot(null, UsageFilter.ALL, GroupBy.MEMBER);
            assertThat(back.problem()).isNull();
            assertThat(back.groups()).singleElement().satisfies(t -> {
                assertThat(t.key()).isEqualTo("ada");
                assertThat(t.requests()).isEqualTo(3);
            });
            assertThat(ada.team().offline()).isFalse();
        }
    }

    /** Waits until the pool reaches the restarted server again (it may first answer from its back-off). */
    static void awaitBack(TeamService team) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (!team.status().connected()) {
            if (System.nanoTime() > deadline) throw new AssertionError("the workspace did not come back: " + team.status());
        }
    }

    private static UsageService personal(TeamTestSupport member) {
        return UsageService.over(member.database(), CLOCK, () -> member.team().member().orElse(GroupBy.ME));
    }
}
