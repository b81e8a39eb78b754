package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.store.Database;

/** The daily rollup sums the ledger exactly as the old sums over every row in Java did. */
class UsageRollupTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final String[] MODELS = {"a/one", "b/two", "c/three"};

    @TempDir Path dir;

    @Test
    void totalsGroupsAndTheChartEqualTheSumsOfEveryRow() {
        try (Database db = TestDb.open(dir.resolve("p.db"))) {
            UsageLedger ledger = new UsageLedger(db);
            List<LedgerEntry> written = fill(ledger, new Random(7), 600);
            UsageRollup rollup = ledger.rollup();
            List<UsageFilter> filters = List.of(UsageFilter.ALL, UsageFilter.since(FIRST.plusDays(10)),
                    UsageFilter.day(FIRST.plusDays(3)), UsageFilter.ALL.withModel("b/two"),
                    UsageFilter.ALL.withProvider("p1").between(FIRST.plusDays(5), FIRST.plusDays(20)));
            for (UsageFilter filter : filters) {
                List<LedgerEntry> rows = ledger.entries(filter);
                assertSame(rollup.total("t", filter), UsageTotal.of("t", rows));
                assertSame(rollup.totalOfLedger("t", filter), UsageTotal.of("t", rows));
                for (GroupBy by : GroupBy.values()) {
                    List<UsageTotal> expected = UsageReport.group(rows, by);
                    List<UsageTotal> actual = rollup.group(filter, by);
                    assertThat(actual).extracting(UsageTotal::key).as(filter + " by " + by)
                            .containsExactlyElementsOf(expected.stream().map(UsageTotal::key).toList());
                    for (int i = 0; i < expected.size(); i++) assertSame(actual.get(i), expected.get(i));
                }
                UsageReport.DailyCosts expected = UsageReport.dailyCostsByModel(rows);
                UsageReport.DailyCosts actual = rollup.dailyCosts(filter);
                assertThat(actual.byDay().keySet()).containsExactlyElementsOf(expected.byDay().keySet());
                assertThat(actual.unknownByDay()).isEqualTo(expected.unknownByDay());
                for (Map.Entry<LocalDate, Map<String, BigDecimal>> day : expected.byDay().entrySet()) {
                    Map<String, BigDecimal> models = actual.byDay().get(day.getKey());
                    assertThat(models.keySet()).containsExactlyInAnyOrderElementsOf(day.getValue().keySet());
                    day.getValue().forEach((model, cost) -> assertThat(models.get(model)).isEqualByComparingTo(cost));
                }
            }
            for (LedgerEntry e : written.subList(0, 20)) {
                List<LedgerEntry> one = ledger.entries(UsageFilter.conversation(e.conversationId()));
                assertSame(ledger.total("c", UsageFilter.conversation(e.conversationId())), UsageTotal.of("c", one));
                assertSame(ledger.total("m", UsageFilter.message(e.messageId())),
                        UsageTotal.of("m", ledger.entries(UsageFilter.message(e.messageId()))));
            }
            assertSame(ledger.total("none", UsageFilter.conversation("no such")), UsageTotal.empty("none"));
            assertThat(rollup.distinct("model")).containsExactly(MODELS);
            assertThat(written).hasSize(600);
        }
    }

    @Test
    void theStepThatBuildsTheRollupFromAnOldLedgerGivesWhatTheTriggerKept() throws Exception {
        try (Database db = TestDb.open(dir.resolve("p.db"))) {
            fill(new UsageLedger(db), new Random(11), 400);
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE rebuilt AS " + UsageRollup.grouped("usage_ledger"));
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT * FROM usage_daily "
                            + "EXCEPT SELECT * FROM rebuilt)")) {
                        assertThat(rs.getInt(1)).as("rows of the trigger's rollup the rebuilt one lacks").isZero();
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*), (SELECT count(*) FROM usage_daily) FROM rebuilt")) {
                        assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2)).isPositive();
                    }
                }
                return null;
            });
        }
    }

    @Test
    void aDayWithNothingOnItSumsToAnEmptyTotal() {
        try (Database db = TestDb.open(dir.resolve("p.db"))) {
            UsageTotal total = new UsageLedger(db).rollup().total("today", UsageFilter.day(FIRST));
            assertThat(total).isEqualTo(UsageTotal.empty("today"));
        }
    }

    /** Rows over 30 days: some without a price, some estimated, some with more than 12 decimals, some large. */
    private static List<LedgerEntry> fill(UsageLedger ledger, Random random, int count) {
        List<LedgerEntry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = FIRST.plusDays(random.nextInt(30));
            BigDecimal cost = switch (random.nextInt(6)) {
                case 0 -> null;
                case 1 -> new BigDecimal("0.00000000000012345678");
                case 2 -> BigDecimal.valueOf(random.nextInt(5_000), 0);
                case 3 -> new BigDecimal("0.999999999999");
                default -> BigDecimal.valueOf(random.nextInt(1_000_000), 9).stripTrailingZeros();
            };
            TokenCounts tokens = new TokenCounts(random.nextInt(9_000), random.nextInt(2_000), 0,
                    random.nextInt(10), random.nextInt(8) == 0);
            out.add(ledger.append(new LedgerEntry(0, Instant.parse(day + "T10:00:00Z"), day, "p" + random.nextInt(3),
                    MODELS[random.nextInt(MODELS.length)], tokens, cost, null, 100, Outcome.OK, "c" + random.nextInt(40),
                    "m" + i, LedgerEntry.WINDOW)));
        }
        return out;
    }

    private static void assertSame(UsageTotal actual, UsageTotal expected) {
        assertThat(actual.key()).isEqualTo(expected.key());
        assertThat(actual.requests()).isEqualTo(expected.requests());
        assertThat(actual.tokens()).isEqualTo(expected.tokens());
        assertThat(actual.cost().known()).as(expected.key()).isEqualByComparingTo(expected.cost().known());
        assertThat(actual.cost().pricedParts()).isEqualTo(expected.cost().pricedParts());
        assertThat(actual.cost().unknownParts()).isEqualTo(expected.cost().unknownParts());
        assertThat(actual.cost().estimated()).isEqualTo(expected.cost().estimated());
    }
}
