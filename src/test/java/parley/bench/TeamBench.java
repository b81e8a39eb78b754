package parley.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import parley.team.ScratchPostgres;
import parley.team.TeamLedgerSync;
import parley.team.TeamTestSupport;
import parley.team.TeamUsage;
import parley.team.Workspace;
import parley.team.WorkspaceConfig;
import parley.usage.GroupBy;
import parley.usage.LedgerEntry;
import parley.usage.Outcome;
import parley.usage.TokenCounts;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;

/**
 * A team workspace under load, on a scratch PostgreSQL of its own:
 * <ol>
 * <li>ledger writes from {@value #MEMBERS} members at once, each a thread with its own data folder,
 * connection pool and {@link TeamLedgerSync}, each sending {@value #RATE} requests a second for the
 * time given: the row goes on the local ledger (the trigger queues it) and is sent at once; the time
 * of the send is the write latency. Then the workspace's rows are counted and summed against what
 * was sent: none lost, none doubled.</li>
 * <li>the team's usage panel on {@value #ROWS} ledger rows: its queries (the overview's three
 * totals, the table by member, the daily cost chart, the filter choices) read from the rollup
 * {@code team_daily}, and the same queries straight on {@code team_ledger}, interleaved, with the
 * ratio.</li>
 * </ol>
 * Prints figures; asserts nothing about time. Run:
 * {@code mvn -Pbench -DskipTests test -Dbench.main=parley.bench.TeamBench} (60 s of writes, 1,000,000 rows), or
 * {@code java -cp TEST_CLASSPATH parley.bench.TeamBench [SECONDS [ROWS]]}.
 */
public final class TeamBench {
    static final int MEMBERS = 20;
    static final int RATE = 10;
    static final int ROWS = 1_000_000;
    private static final int ROUNDS = 9;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : ROWS;
        System.out.println("load before: " + load());
        ScratchPostgres pg = ScratchPostgres.startNew();
        writes(pg, seconds);
        System.out.println("load between: " + load());
        panel(pg, rows);
        System.out.println("load after: " + load());
        System.exit(0);
    }

    // ---- 1. writes from 20 members

    private static void writes(ScratchPostgres pg, int seconds) throws Exception {
        ScratchPostgres.Db db = pg.newDatabase();
        Path home = Files.createTempDirectory("team-bench");
        List<TeamTestSupport> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            TeamTestSupport m = TeamTestSupport.member(home.resolve("m" + i));
            m.team().connect(db.url(), name(i), db.user(), db.password(), null);
            members.add(m);
        }
        int perMember = seconds * RATE;
        long[][] latencies = new long[MEMBERS][perMember];
        BigDecimal[] sentCost = new BigDecimal[MEMBERS];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            int member = i;
            threads.add(Thread.ofPlatform().name("member-" + i).start(() -> {
                TeamTestSupport m = members.get(member);
                Workspace ws = m.team().workspace().orElseThrow();
                TeamLedgerSync sync = new TeamLedgerSync(ws, m.team().outbox(), "bench-" + member);
                UsageLedger ledger = new UsageLedger(m.database());
                BigDecimal sum = BigDecimal.ZERO;
                try {
                    start.await();
                    long begin = System.nanoTime();
                    for (int k = 0; k < perMember; k++) {
                        long due = begin + k * (1_000_000_000L / RATE);
                        long wait = due - System.nanoTime();
                        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait); // the pace of a member's requests
                        BigDecimal cost = cost(member, k);
                        ledger.append(entry(k, cost));
                        sum = cost == null ? sum : sum.add(cost);
                        long t0 = System.nanoTime();
                        int sent = sync.flush();
                        latencies[member][k] = System.nanoTime() - t0;
                        if (sent != 1) throw new IllegalStateException(name(member) + " sent " + sent + " rows at once");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sentCost[member] = sum;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) t.join();
        double wall = (System.nanoTime() - t0) / 1e9;

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        BigDecimal sent = Arrays.stream(sentCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.printf(Locale.ROOT, "%n== writes: %d members x %d requests/s for %d s (%.1f s wall), %d rows%n",
                MEMBERS, RATE, seconds, wall, all.length);
        System.out.printf(Locale.ROOT, "write latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), all[all.length - 1] / 1e6);
        try (Connection c = pg.admin(database(db)); Statement st = c.createStatement()) {
            String ledger = one(st, "SELECT count(*) || ' ' || count(DISTINCT row_key) || ' ' || sum(cost_usd) FROM team_ledger");
            String daily = one(st, "SELECT sum(requests) || ' ' || sum(cost_usd) FROM team_daily");
            String perMemberRows = one(st, "SELECT min(n) || '..' || max(n) FROM (SELECT count(*) AS n FROM team_ledger GROUP BY member) x");
            long queued = members.stream().mapToLong(m -> m.team().outbox().size()).sum();
            System.out.println("sent: " + all.length + " rows, $" + sent.toPlainString());
            System.out.println("team_ledger: rows, distinct keys, $: " + ledger + "; per member " + perMemberRows);
            System.out.println("team_daily: requests, $: " + daily + "; still queued: " + queued);
            String[] l = ledger.split(" ");
            String[] d = daily.split(" ");
            boolean exact = Long.parseLong(l[0]) == all.length && Long.parseLong(l[1]) == all.length
                    && new BigDecimal(l[2]).compareTo(sent) == 0 && Long.parseLong(d[0]) == all.length
                    && new BigDecimal(d[1]).compareTo(sent) == 0 && queued == 0;
            System.out.println(exact ? "no row lost or doubled" : "MISMATCH: rows lost or doubled");
        }
        for (TeamTestSupport m : members) m.close();
    }

    private static BigDecimal cost(int member, int k) {
        if ((member + k) % 50 == 0) return null; // a price unknown now and then
        return new BigDecimal("0.000137").multiply(BigDecimal.valueOf(1 + (member * 31L + k) % 97));
    }

    private static LedgerEntry entry(int k, BigDecimal cost) {
        return new LedgerEntry(0, Instant.now(), LocalDate.now(), k % 2 == 0 ? "atlascloud" : "deepseek",
                "model-" + (k % 5), new TokenCounts(1_200 + k % 300, 300 + k % 100, 0, 0, false), cost, 150L, 900,
                Outcome.values()[0], null, null, LedgerEntry.CLI);
    }

    // ---- 2. the panel on a million rows

    private static void panel(ScratchPostgres pg, int rows) throws Exception {
        ScratchPostgres.Db db = pg.newDatabase();
        try (Workspace ws = Workspace.open(new WorkspaceConfig(db.url(), db.user(), "bench", null), db.password())) {
            ws.prepare();
            long t0 = System.nanoTime();
            try (Connection c = pg.admin(database(db)); Statement st = c.createStatement()) {
                fill(st, rows);
            }
            System.out.printf(Locale.ROOT, "%n== the team's usage panel on %,d ledger rows (loaded in %.1f s)%n", rows,
                    (System.nanoTime() - t0) / 1e9);
            try (Connection c = pg.admin(database(db)); Statement st = c.createStatement()) {
                System.out.println("team_daily rows: " + one(st, "SELECT count(*) FROM team_daily")
                        + "; the same totals both ways: " + one(st, "SELECT (SELECT sum(cost_usd) FROM team_daily) = "
                        + "(SELECT sum(cost_usd) FROM team_ledger)"));
            }
            TeamUsage rollup = new TeamUsage(ws);
            TeamUsage ledger = TeamUsage.withoutRollup(ws);
            LocalDate today = LocalDate.now();
            record Query(String name, java.util.function.Function<TeamUsage, Object> run) {}
            List<Query> queries = List.of(
                    new Query("overview (today, month, all time)", u -> List.of(
                            u.total("today", UsageFilter.day(today), null),
                            u.total("month", UsageFilter.ALL.between(today.withDayOfMonth(1), today), null),
                            u.total("all time", UsageFilter.ALL, null))),
                    new Query("group by member, all time", u -> u.group(UsageFilter.ALL, GroupBy.MEMBER, null)),
                    new Query("daily cost chart, all time", u -> u.dailyCosts(UsageFilter.ALL, null)),
                    new Query("filter choices (providers, models)", u -> List.of(u.distinct("provider"), u.distinct("model"))),
                    new Query("me: overview + by model", u -> List.of(
                            u.total("all time", UsageFilter.ALL, name(3)), u.total("today", UsageFilter.day(today), name(3)),
                            u.group(UsageFilter.ALL, GroupBy.MODEL, name(3)))));
            double[][] r = new double[queries.size() + 1][ROUNDS];
            double[][] b = new double[queries.size() + 1][ROUNDS];
            for (int warm = 0; warm < 2; warm++) for (Query q : queries) { q.run.apply(rollup); q.run.apply(ledger); }
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < queries.size(); i++) {
                    int q0 = i;
                    r[i][round] = time(() -> queries.get(q0).run.apply(rollup));
                    b[i][round] = time(() -> queries.get(q0).run.apply(ledger));
                }
                // the panel's whole read: everything but "me", one after the other
                r[queries.size()][round] = time(() -> { for (int i = 0; i < 4; i++) queries.get(i).run.apply(rollup); return null; });
                b[queries.size()][round] = time(() -> { for (int i = 0; i < 4; i++) queries.get(i).run.apply(ledger); return null; });
            }
            System.out.println("| query | team_daily (rollup), median (min–max) | team_ledger (no rollup), median (min–max) | ratio |");
            System.out.println("| --- | ---: | ---: | ---: |");
            for (int i = 0; i <= queries.size(); i++) {
                String name = i < queries.size() ? queries.get(i).name : "**the panel's read** (first four)";
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0fx |%n", name, span(r[i]), span(b[i]),
                        median(b[i]) / median(r[i]));
            }
        }
    }

    /**
     * A year of a team of 20, every member using each of 8 models (on 2 providers) every day: the
     * rollup's largest shape, 365 x 20 x 8 rows. 1 request in 50 of unknown price. Both tables are
     * filled directly (the trigger is off for the load, the rollup summed in one statement).
     */
    private static void fill(Statement st, int rows) throws Exception {
        st.execute("ALTER TABLE team_ledger DISABLE TRIGGER team_daily_insert");
        st.execute("INSERT INTO team_ledger SELECT 'k' || i, 'member-' || lpad((i / 14600 % " + MEMBERS + ")::text, 2, '0'), "
                + "'bench', 1765000000000 + i, current_date - (i % 365), CASE WHEN i % 8 < 4 THEN 'atlascloud' ELSE 'deepseek' END, "
                + "'model-' || (i % 8), 1000 + i % 500, 200 + i % 300, 0, i % 100, false, "
                + "CASE WHEN i % 50 = 0 THEN NULL ELSE 0.0001 + (i % 1000) * 0.000001 END, 150, 900, 'ok', 'window' "
                + "FROM generate_series(1, " + rows + ") AS i");
        st.execute("INSERT INTO team_daily SELECT day, member, provider, model, count(*), sum(prompt_tokens), "
                + "sum(completion_tokens), sum(reasoning_tokens), sum(cached_tokens), sum(CASE WHEN estimated THEN 1 ELSE 0 END), "
                + "count(cost_usd), count(*) - count(cost_usd), COALESCE(sum(cost_usd), 0) FROM team_ledger "
                + "GROUP BY day, member, provider, model");
        st.execute("ALTER TABLE team_ledger ENABLE TRIGGER team_daily_insert");
        st.execute("VACUUM ANALYZE team_ledger");
        st.execute("VACUUM ANALYZE team_daily");
    }

    // ---- helpers

    private static String name(int i) { return String.format(Locale.ROOT, "member-%02d", i); }

    private static String database(ScratchPostgres.Db db) { return db.url().substring(db.url().lastIndexOf('/') + 1); }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double time(Supplier<Object> work) {
        long t0 = System.nanoTime();
        work.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String span(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.1f ms (%.1f–%.1f)", s[s.length / 2], s[0], s[s.length - 1]);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
