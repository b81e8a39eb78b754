package parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.history.ConversationStore;
import parley.preset.PresetStore;
import parley.store.Database;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;
import parley.usage.UsageTotal;

/** The year of use, generated at a hundredth of its size, has the shape the benchmark relies on. */
class YearDatabaseTest {
    private static final LocalDate END = LocalDate.of(2026, 12, 7);
    private static final YearDatabase.Shape SHAPE = YearDatabase.Shape.scaled(100);

    @TempDir Path dir;

    @Test
    void theGeneratedYearHasItsCountsItsSpanAndAnIndexInStep() throws Exception {
        Path file = dir.resolve("year.db");
        YearDatabase.write(file, SHAPE, END, YearDatabase.SEED);
        try (Database db = AppDatabase.open(file)) {
            assertThat(SHAPE).isEqualTo(new YearDatabase.Shape(50, 2_500, 1, 20, 3_000, 3));
            assertThat(number(db, "SELECT count(*) FROM conversations WHERE deleted_at IS NULL")).isEqualTo(50);
            assertThat(number(db, "SELECT count(*) FROM messages")).isEqualTo(2_500);
            assertThat(number(db, "SELECT count(*) FROM usage_ledger")).isEqualTo(3_000);
            assertThat(new PresetStore(db).names()).hasSize(3);
            assertThat(number(db, "SELECT count(*) FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id "
                    + "WHERE c.id IS NULL")).as("messages without their conversation").isZero();
            assertThat(number(db, "SELECT count(*) FROM (SELECT conversation_id FROM messages GROUP BY conversation_id "
                    + "HAVING min(position) <> 0 OR max(position) <> count(*) - 1 OR count(*) < 2)"))
                    .as("conversations whose positions are not 0..n-1, or shorter than a question and its answer").isZero();
            assertThat(number(db, "SELECT count(*) FROM (SELECT conversation_id FROM messages GROUP BY conversation_id "
                    + "HAVING count(*) = " + SHAPE.longLength() + ")")).as("the long conversations")
                    .isGreaterThanOrEqualTo(SHAPE.longConversations());
            assertThat(number(db, "SELECT sum(length(content)) + sum(length(reasoning)) FROM messages"))
                    .as("about 30 MB of text at full size").isBetween(250_000L, 350_000L);

            assertThat(number(db, "SELECT count(DISTINCT day) FROM usage_ledger")).as("every day of the year").isEqualTo(365);
            assertThat(text(db, "SELECT min(day) FROM usage_ledger")).isEqualTo(END.minusDays(364).toString());
            assertThat(text(db, "SELECT max(day) FROM usage_ledger")).isEqualTo(END.toString());
            assertThat(number(db, "SELECT count(*) FROM usage_ledger WHERE day <> date(at_ms / 1000, 'unixepoch')"))
                    .as("rows whose day is not the day of their time").isZero();
            assertThat(number(db, "SELECT count(*) FROM usage_ledger l LEFT JOIN messages m ON m.id = l.message_id "
                    + "WHERE l.message_id IS NOT NULL AND (m.id IS NULL OR m.conversation_id <> l.conversation_id "
                    + "OR m.role <> 'assistant')")).as("rows naming a reply that is not there").isZero();
            UsageTotal year = new UsageLedger(db).total("year", UsageFilter.since(END.minusDays(364)));
            assertThat(year.requests()).isEqualTo(3_000);
            assertThat(year.cost().pricedParts()).isPositive();
            assertThat(year.cost().unknownParts()).as("local models have no price").isPositive();

            assertThat(number(db, "SELECT count(*) FROM messages_fts")).isEqualTo(2_500);
            db.read(c -> execute(c, "INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"));
            assertThat(new ConversationStore(db).search("tem", 10)).hasSize(10);
        }
    }

    @Test
    void theSameSeedWritesTheSameYear() throws Exception {
        YearDatabase.Shape small = YearDatabase.Shape.scaled(1_000);
        YearDatabase.write(dir.resolve("a.db"), small, END, YearDatabase.SEED);
        YearDatabase.write(dir.resolve("b.db"), small, END, YearDatabase.SEED);
        String digest = "SELECT group_concat(id || content, '') FROM (SELECT id, content FROM messages ORDER BY num)";
        try (Database a = AppDatabase.open(dir.resolve("a.db")); Database b = AppDatabase.open(dir.resolve("b.db"))) {
            assertThat(text(a, digest)).isEqualTo(text(b, digest)).isNotEmpty();
            String ledger = "SELECT group_concat(at_ms || model || coalesce(cost_usd, '-'), '') FROM usage_ledger";
            assertThat(text(a, ledger)).isEqualTo(text(b, ledger));
        }
    }

    private static long number(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.getLong(1);
            }
        });
    }

    private static String text(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.getString(1);
            }
        });
    }

    private static boolean execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.execute(sql);
        }
    }
}
