package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.history.ConversationStore;
import parley.history.SavedConversation;
import parley.history.SavedMessage;
import parley.api.ToolCall;
import java.time.Instant;
import java.util.Map;
import parley.chat.ChatSettings;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Experiment;
import parley.experiment.ExperimentStore;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.experiment.Prompt;
import parley.experiment.Target;
import parley.preset.ParameterSet;
import parley.preset.PresetStore;
import parley.store.Database;
import parley.store.Migrations;
import parley.store.Settings;

/**
 * Databases as users have them: {@code parley-vN.db} beside this class were written at schema
 * version N by Parley before each feature declared its own tables (then one list in
 * {@code store/Migrations}), with a setting, a ledger row and a price, a conversation and a preset
 * as far as each version had tables for them. Moving where a step is declared must not change it.
 * Each of them is older than the latest step (8 at the time of writing: the saved experiments' tables), and
 * each takes the later steps' tables (a conversation's tool calls, the experiments) after the upgrade.
 */
class OldDatabasesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void eachStepBuildsTheSchemaTheOldChainBuilt(int version) throws Exception {
        try (Database old = Database.open(copy(version), AppDatabase.MIGRATIONS.subList(0, version));
             Database fresh = Database.open(dir.resolve("fresh.db"), AppDatabase.MIGRATIONS.subList(0, version))) {
            assertThat(old.version()).isEqualTo(version);
            assertThat(old.backup()).as("already at this version: nothing migrated").isEmpty();
            assertThat(schema(fresh)).isEqualTo(schema(old)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void anOldDatabaseUpgradesToTheLatestAndKeepsItsData(int version) throws Exception {
        Path file = copy(version);
        try (Database db = AppDatabase.open(file)) {
            assertThat(db.version()).isEqualTo(Migrations.latest(AppDatabase.MIGRATIONS));
            assertThat(db.recoveryNotice()).isEmpty();
            assertThat(db.backup().isPresent()).as("a copy before migrating")
                    .isEqualTo(version < Migrations.latest(AppDatabase.MIGRATIONS));
            assertThat(new Settings(db).getString("ui.theme")).contains("NORD_DARK");
            assertThat(rows(db, "SELECT model || ' ' || cost_usd FROM usage_ledger"))
                    .isEqualTo(version >= 2 ? List.of("deepseek-ai/deepseek-v3.2 0.000414") : List.of());
            assertThat(rows(db, "SELECT input_usd || '/' || output_usd FROM model_price"))
                    .isEqualTo(version >= 2 ? List.of("0.26/0.38") : List.of());
            ConversationStore history = new ConversationStore(db);
            if (version >= 3) {
                SavedConversation tides = history.load("c-old").orElseThrow();
                assertThat(tides.title()).isEqualTo("Tides of Brittany");
                assertThat(tides.messages()).extracting(m -> m.role() + ": " + m.content()).containsExactly(
                        "user: Why are the tides so high in Saint-Malo?",
                        "assistant: The shape of the bay funnels the Atlantic tide.");
                assertThat(tides.messages().getLast().usage().promptTokens()).isEqualTo(1200);
                assertThat(history.search("Malo", 5)).hasSize(1);
            } else {
                assertThat(history.list()).isEmpty();
            }
            PresetStore presets = new PresetStore(db);
            if (version >= 4) {
                ParameterSet precise = presets.load("Precise").orElseThrow();
                assertThat(precise.temperature()).isEqualTo(0.1);
                assertThat(precise.stop()).containsExactly("END");
            } else {
                assertThat(presets.names()).isEmpty();
            }
            String loop = history.create("atlascloud", "deepseek-ai/deepseek-v3.2", "");
            SavedMessage asking = new SavedMessage("a-new", "assistant", "", "Look it up.", "COMPLETE", null,
                    "deepseek-ai/deepseek-v3.2", Map.of("seed", 7), null, Instant.EPOCH, null,
                    List.of(ToolCall.of("call_1", "get_weather", "{}")), null, List.of(), List.of(), 0);
            history.saveMessage(loop, asking);
            assertThat(history.load(loop).orElseThrow().messages()).as("the new columns after step 5")
                    .containsExactly(asking);
            presets.save("After the upgrade", new ParameterSet(256, 0.5, null, null, null, null, true, true, ""));
            ExperimentStore experiments = new ExperimentStore(db);
            Experiment sweep = new Experiment("e-new", "Tides", Prompt.of(null, "Why are the tides high?"),
                    ChatSettings.defaults(), List.of(new Target("atlascloud", null, "deepseek-ai/deepseek-v3.2")),
                    List.of(new ParamAxis("temperature", List.of(ParamValue.of(0.0), ParamValue.OMIT))), List.of(), 1,
                    4, List.of(), Instant.EPOCH);
            experiments.saveDefinition(sweep);
            experiments.saveResult("e-new", new CellResult(1, CellStatus.COMPLETED, "The bay funnels the tide.", "",
                    "stop", null, false, null, null, 900L, null, null, List.of(), null, Instant.EPOCH));
            assertThat(experiments.search("funnels", 5)).as("the experiments' tables after step 8").hasSize(1);
        }
        try (Database again = AppDatabase.open(file)) {
            assertThat(again.backup()).isEmpty();
            assertThat(new PresetStore(again).names()).contains("After the upgrade");
            assertThat(new ExperimentStore(again).load("e-new").orElseThrow().results()).singleElement()
                    .extracting(CellResult::content).isEqualTo("The bay funnels the tide.");
        }
    }

    private Path copy(int version) throws Exception {
        Path file = dir.resolve("parley-v" + version + ".db");
        try (InputStream in = OldDatabasesTest.class.getResourceAsStream("parley-v" + version + ".db")) {
            assertThat(in).as("parley-v" + version + ".db in the test resources").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    /** Every table, index, trigger and view with the SQL that made it. */
    private static List<String> schema(Database db) {
        return rows(db, "SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || coalesce(sql, '')"
                + " FROM sqlite_schema ORDER BY type, name");
    }

    private static List<String> rows(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        });
    }
}
