package parley.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import parley.team.ScratchPostgres;
import parley.team.TeamBudgets;
import parley.team.Workspace;
import parley.team.WorkspaceConfig;
import parley.usage.BudgetSettings;
import parley.usage.Cost;

/**
 * What the team budget's check costs a send: 20 members (threads, each with its own connection pool)
 * admit and release 100 requests each at once against one team budget on a scratch PostgreSQL, so
 * every admission waits on the others' lock. Prints the admission's latency (p50, p95, max), then
 * races the same members for a budget of 30 requests with a hard stop and prints how many got in.
 * Run with {@code mvn -Pbench -DskipTests test -Dbench.main=parley.bench.TeamBudgetBench}.
 */
public final class TeamBudgetBench {
    private static final int MEMBERS = 20;
    private static final int REQUESTS = 100;
    private static final Cost REQUEST = Cost.of(new BigDecimal("0.01"), true);

    private TeamBudgetBench() {}

    public static void main(String[] args) throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (Workspace admin = Workspace.open(new WorkspaceConfig(db.url(), db.user(), "admin", null), db.password())) {
            TeamBudgets budgets = new TeamBudgets(admin, Clock.systemDefaultZone());
            budgets.set(TeamBudgets.TEAM, new BudgetSettings(null, new BigDecimal("1000"), true), "admin");
            List<Long> nanos = race(db, true);
            Collections.sort(nanos);
            System.out.printf(Locale.ROOT, "admissions: %d by %d members at once; p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    nanos.size(), MEMBERS, ms(nanos, 0.50), ms(nanos, 0.95), nanos.getLast() / 1e6);

            budgets.set(TeamBudgets.TEAM, new BudgetSettings(null, new BigDecimal("0.30"), true), "admin");
            List<Long> admitted = race(db, false);
            System.out.printf(Locale.ROOT, "a budget of 30 requests, never released: %d admitted of %d asked%n",
                    admitted.size(), MEMBERS * REQUESTS);
        }
        System.exit(0);
    }

    /** Every member's admissions at once; returns the latency of each admitted one. */
    private static List<Long> race(ScratchPostgres.Db db, boolean release) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(MEMBERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> work = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            String name = "member" + m;
            work.add(threads.submit(() -> {
                try (Workspace own = Workspace.open(new WorkspaceConfig(db.url(), db.user(), name, null), db.password())) {
                    TeamBudgets budgets = new TeamBudgets(own, Clock.systemDefaultZone());
                    own.prepare();
                    start.await();
                    List<Long> times = new ArrayList<>();
                    for (int r = 0; r < REQUESTS; r++) {
                        long t0 = System.nanoTime();
                        TeamBudgets.Decision d = budgets.admit(name, REQUEST, BigDecimal.ZERO, BigDecimal.ZERO);
                        long took = System.nanoTime() - t0;
                        if (d.check().allowsSend()) times.add(took);
                        if (release && d.hold() != null) budgets.release(d.hold());
                    }
                    return times;
                }
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : work) all.addAll(f.get());
        threads.shutdown();
        return all;
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
