package parley.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.Cost;
import parley.usage.UsageLedger;

/** Team and member budgets, held in one transaction with each request's reservation, on a real PostgreSQL. */
class TeamBudgetTest {
    @TempDir Path home;

    static Cost usd(String amount) {
        return Cost.of(new BigDecimal(amount), true);
    }

    static BudgetSettings monthly(String limit, boolean hardStop) {
        return new BudgetSettings(null, new BigDecimal(limit), hardStop);
    }

    static TeamBudgets budgets(TeamTestSupport member) {
        return new TeamBudgets(member.team().workspace().orElseThrow(), Clock.systemDefaultZone());
    }

    static TeamBudgetGuard guard(TeamTestSupport member) {
        return new TeamBudgetGuard(member.team(), member.database(), Clock.systemDefaultZone());
    }

    @Test
    void theSecondMembersRequestCrossesTheTeamBudget() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            budgets(ada).set(TeamBudgets.TEAM, monthly("1.00", false), "ada");
            new UsageLedger(ada.database()).append(TeamWorkspaceTest.entry("m1", "0.85"));
            ada.team().flush();

            Admission small = guard(bo).admit(usd("0.10"));
            assertThat(small.check().verdict()).isEqualTo(BudgetCheck.Verdict.WARNING);
            assertThat(small.check().message()).startsWith("Team budget: ").contains("85%");
            small.close();

            Admission large = guard(bo).admit(usd("0.30"));
            assertThat(large.check().needsConfirmation()).isTrue();
            assertThat(large.check().message()).contains("past the limit of $1.00");
            large.close();

            budgets(ada).set(TeamBudgets.TEAM, monthly("1.00", true), "ada");
            Admission stopped = guard(bo).admit(usd("0.30"));
            assertThat(stopped.check().allowsSend()).isFalse();
            assertThat(budgets(bo).held()).isZero();
        }
    }

    @Test
    void aMembersBudgetCountsItsOwnRowsStillQueuedAndNotTheOthers() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            budgets(ada).set("bo", monthly("0.50", true), "ada");
            new UsageLedger(bo.database()).append(TeamWorkspaceTest.entry("m1", "0.45"));

            Admission refused = guard(bo).admit(usd("0.10"));
            assertThat(refused.check().verdict()).isEqualTo(BudgetCheck.Verdict.BLOCK);
            assertThat(refused.check().message()).startsWith("Team budget of bo: ");
            assertThat(guard(ada).admit(usd("0.10")).check()).isEqualTo(BudgetCheck.OK);
        }
    }

    @Test
    void membersRacingForASmallBudgetAreAdmittedUpToItsLimitAndNoFurther() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        int members = 8;
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            budgets(ada).set(TeamBudgets.TEAM, monthly("1.00", true), "ada");
        }
        ExecutorService threads = Executors.newFixedThreadPool(members);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BigDecimal>> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                String name = "m" + i;
                admitted.add(threads.submit(() -> {
                    try (Workspace own = Workspace.open(new WorkspaceConfig(db.url(), db.user(), name, null), db.password())) {
                        TeamBudgets budgets = new TeamBudgets(own, Clock.systemDefaultZone());
                        own.prepare();
                        start.await();
                        BigDecimal sum = BigDecimal.ZERO;
                        for (int r = 0; r < 5; r++) {
                            TeamBudgets.Decision d = budgets.admit(name, usd("0.15"), BigDecimal.ZERO, BigDecimal.ZERO);
                            if (d.check().allowsSend()) sum = sum.add(new BigDecimal("0.15"));
                        }
                        return sum;
                    }
                }));
            }
            start.countDown();
            BigDecimal total = BigDecimal.ZERO;
            for (Future<BigDecimal> f : admitted) total = total.add(f.get());
            assertThat(total).isLessThanOrEqualTo(new BigDecimal("1.00"));
            assertThat(total).isEqualByComparingTo("0.90");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReleasedHoldIsGivenBackAndAForgottenOneLapses() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            Workspace ws = ada.team().workspace().orElseThrow();
            Instant now = Instant.now();
            TeamBudgets early = new TeamBudgets(ws, Clock.fixed(now, ZoneId.systemDefault()));
            early.set(TeamBudgets.TEAM, monthly("0.25", true), "ada");

            Admission first = guard(ada).admit(usd("0.20"));
            assertThat(first.check().allowsSend()).isTrue();
            assertThat(early.held()).isEqualByComparingTo("0.20");
            assertThat(guard(ada).admit(usd("0.20")).check().allowsSend()).isFalse();
            first.close();
            first.close();
            assertThat(early.held()).isZero();

            assertThat(early.admit("ada", usd("0.20"), BigDecimal.ZERO, BigDecimal.ZERO).hold()).isNotNull();
            assertThat(early.admit("ada", usd("0.20"), BigDecimal.ZERO, BigDecimal.ZERO).check().allowsSend()).isFalse();
            TeamBudgets later = new TeamBudgets(ws, Clock.fixed(now.plus(TeamBudgets.HOLD).plus(Duration.ofSeconds(1)),
                    ZoneId.systemDefault()));
            assertThat(later.held()).isZero();
            assertThat(later.admit("ada", usd("0.20"), BigDecimal.ZERO, BigDecimal.ZERO).check().allowsSend()).isTrue();
        }
    }

    @Test
    void whileTheWorkspaceIsAwayTheLastKnownFiguresJudgeWithAWarning() {
        ScratchPostgres pg = ScratchPostgres.startNew();
        ScratchPostgres.Db db = pg.newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            budgets(ada).set(TeamBudgets.TEAM, monthly("1.00", false), "ada");
            guard(ada).admit(usd("0.10")).close();
            pg.stop();

            Admission away = guard(ada).admit(usd("0.10"));
            assertThat(away.check().verdict()).isEqualTo(BudgetCheck.Verdict.WARNING);
            assertThat(away.check().message()).isEqualTo(TeamBudgetGuard.OFFLINE + ".");
            assertThat(ada.team().offline()).isTrue();

            new UsageLedger(ada.database()).append(TeamWorkspaceTest.entry("m1", "0.95"));
            Admission over = guard(ada).admit(usd("0.10"));
            assertThat(over.check().needsConfirmation()).isTrue();
            assertThat(over.check().message()).startsWith("Team budget: ").endsWith("(" + TeamBudgetGuard.OFFLINE + ")");
        }
    }
}
