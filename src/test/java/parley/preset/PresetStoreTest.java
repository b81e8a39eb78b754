package parley.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.api.Tool;
import parley.api.ToolChoice;
import parley.app.AppDatabase;
import parley.store.Database;

class PresetStoreTest {
    @TempDir
    Path dir;

    private static final ParameterSet TERSE = new ParameterSet(200, 0.2, null, null, 0.5, List.of("END", "\n\n"),
            false, false, "Be terse.");

    @Test
    void savedPresetsSurviveReopeningTheDatabase() {
        Path file = dir.resolve("parley.db");
        try (Database db = AppDatabase.open(file)) {
            new PresetStore(db).save("Terse", TERSE);
        }
        try (Database db = AppDatabase.open(file)) {
            PresetStore store = new PresetStore(db);
            assertThat(store.names()).containsExactly("Terse");
            assertThat(store.load("Terse")).contains(TERSE);
            assertThat(store.load("terse")).contains(TERSE);
        }
    }

    @Test
    void aPresetKeepsTheExtendedParameters() {
        ObjectNode schema = new ObjectMapper().createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string");
        ExtendedParameters extended = new ExtendedParameters(7L, 2, true, 3,
                ResponseFormat.jsonSchema("answer", schema, true),
                List.of(Tool.function("get_weather", "The weather in a city", schema)), ToolChoice.REQUIRED, true,
                null, "low");
        ParameterSet tools = new ParameterSet(512, null, null, null, null, List.of(), true, true, "Use tools.", extended);
        Path file = dir.resolve("tools.db");
        try (Database db = AppDatabase.open(file)) {
            new PresetStore(db).save("Tools", tools);
            new PresetStore(db).save("Named", new ParameterSet(null, null, null, null, null, null, false, false, null,
                    ExtendedParameters.NONE.withTools(extended.tools(), ToolChoice.named("get_weather"), null)));
        }
        try (Database db = AppDatabase.open(file)) {
            PresetStore store = new PresetStore(db);
            assertThat(store.load("Tools")).contains(tools);
            assertThat(store.load("Named").orElseThrow().extended().toolChoice()).isEqualTo(ToolChoice.named("get_weather"));
            assertThat(store.load("Named").orElseThrow().extended().seed()).isNull();
        }
    }

    @Test
    void savingUnderAnExistingNameReplacesIt() {
        try (Database db = AppDatabase.open(dir.resolve("p.db"))) {
            PresetStore store = new PresetStore(db);
            store.save("A", TERSE);
            ParameterSet other = new ParameterSet(null, null, 0.9, null, null, List.of(), true, true, "");
            store.save("a", other);
            assertThat(store.names()).containsExactly("a");
            assertThat(store.load("A")).contains(other);
        }
    }

    @Test
    void renameAndDelete() {
        try (Database db = AppDatabase.open(dir.resolve("p.db"))) {
            PresetStore store = new PresetStore(db);
            store.save("one", TERSE);
            store.save("two", TERSE);
            store.rename("one", "three");
            assertThat(store.names()).containsExactly("three", "two");
            assertThatThrownBy(() -> store.rename("three", "TWO"))
                    .hasMessage("A preset named \"TWO\" exists already: pick another name.");
            assertThatThrownBy(() -> store.rename("nope", "four")).hasMessage("There is no preset named \"nope\".");
            assertThat(store.delete("two")).isTrue();
            assertThat(store.delete("two")).isFalse();
            assertThat(store.names()).containsExactly("three");
        }
    }

    @Test
    void badNamesAreRefusedWithWhatToChange() {
        assertThatThrownBy(() -> PresetStore.checkName("  ")).hasMessage("Give the preset a name.");
        assertThatThrownBy(() -> PresetStore.checkName("x".repeat(61))).hasMessage("A preset name has at most 60 characters.");
        assertThat(PresetStore.checkName("  ok ")).isEqualTo("ok");
    }
}
