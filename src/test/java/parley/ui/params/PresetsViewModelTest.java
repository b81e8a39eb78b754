package parley.ui.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.preset.PresetStore;
import parley.ui.ExtendedControls;
import parley.ui.UiThread;

class PresetsViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private final ParamsViewModel params = new ParamsViewModel();
    private final ExtendedControls extended = ExtendedControls.create(Runnable::run, UiThread.DIRECT);
    private PresetsViewModel vm;

    @BeforeEach
    void open() {
        db = AppDatabase.open(dir.resolve("parley.db"));
        vm = new PresetsViewModel(new PresetStore(db), params, extended, Runnable::run, UiThread.DIRECT);
    }

    @AfterEach
    void close() { db.close(); }

    @Test
    void saveThenLoadRestoresTheParameters() {
        params.temperature().set(1.4);
        params.addStop("###");
        vm.save("Creative");
        assertThat(vm.names()).containsExactly("Creative");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved \"Creative\".");
        params.resetToDefaults();
        vm.load("Creative");
        assertThat(params.temperature().value()).isEqualTo(1.4);
        assertThat(params.stops()).containsExactly("###");
        assertThat(vm.currentProperty().get()).isEqualTo("Creative");
        assertThat(vm.stateProperty().get()).isEqualTo(PresetsViewModel.State.IDLE);
    }

    @Test
    void aPresetKeepsTheExtendedFieldsAndOneWithoutToolsKeepsTheFunctions() {
        extended.extras().setSeedText("99");
        extended.extras().setNOn(true);
        extended.extras().setN(3);
        extended.extras().setLogprobs(true);
        extended.extras().setEffort("high");
        extended.output().choose(OutputFormatViewModel.Kind.JSON_OBJECT);
        vm.save("Repeatable");
        extended.resetToDefaults();
        assertThat(extended.snapshot().isEmpty()).isTrue();
        extended.tools().add("lookup");

        vm.load("Repeatable");

        var loaded = extended.snapshot();
        assertThat(loaded.seed()).isEqualTo(99L);
        assertThat(loaded.n()).isEqualTo(3);
        assertThat(loaded.logprobs()).isTrue();
        assertThat(loaded.reasoningEffort()).isEqualTo("high");
        assertThat(loaded.responseFormat().type()).isEqualTo("json_object");
        assertThat(extended.tools().tools()).as("a preset without tools keeps the functions").hasSize(1);
    }

    @Test
    void renameAndDeleteKeepTheListCurrent() {
        vm.save("a");
        vm.save("b");
        vm.rename("a", "c");
        assertThat(vm.names()).containsExactly("b", "c");
        vm.rename("c", "b");
        assertThat(vm.messageProperty().get()).isEqualTo("A preset named \"b\" exists already: pick another name.");
        vm.delete("b");
        assertThat(vm.names()).containsExactly("c");
    }

    @Test
    void aNamelessSaveOrAMissingPresetIsReportedNotThrown() {
        vm.save("  ");
        assertThat(vm.messageProperty().get()).isEqualTo("Give the preset a name.");
        vm.load("ghost");
        assertThat(vm.messageProperty().get()).isEqualTo("There is no preset named \"ghost\".");
        assertThat(vm.names()).isEmpty();
    }
}
