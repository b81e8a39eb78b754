package parley.ui.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.preset.ParameterSet;
import parley.prompt.FilledPrompt;
import parley.prompt.PromptDraft;
import parley.team.PromptLibraries;
import parley.team.ScratchPostgres;
import parley.team.TeamTestSupport;
import parley.ui.UiThread;

/** The library window's view model, run on the calling thread, over a real data folder (and a real PostgreSQL for the team). */
class PromptLibraryViewModelTest {
    @TempDir Path home;
    private TeamTestSupport folder;
    private PromptLibraries prompts;
    private final RecordingComposer composer = new RecordingComposer();
    private PromptLibraryViewModel model;

    /** A composer that keeps what it is given and holds a draft to save. */
    static final class RecordingComposer implements Composer {
        final List<String> used = new ArrayList<>();
        PromptDraft holds = new PromptDraft("Be brief.", "Explain {{thing}}.", "m1", Map.of("temperature", 0.3), null);

        @Override
        public PromptDraft current(String note) {
            return new PromptDraft(holds.system(), holds.text(), holds.model(), holds.params(), note);
        }

        @Override
        public void use(FilledPrompt filled, String model, Map<String, Object> params) {
            used.add("prompt's " + model + " " + params + " | " + filled.system() + " | " + filled.text());
        }

        @Override
        public void useTexts(FilledPrompt filled) {
            used.add("texts | " + filled.system() + " | " + filled.text());
        }

        @Override
        public void useWithPreset(FilledPrompt filled, ParameterSet preset) {
            used.add("preset " + preset.temperature() + " | " + filled.text());
        }
    }

    @BeforeEach
    void open() {
        folder = TeamTestSupport.member(home);
        prompts = new PromptLibraries(folder.database(), folder.team(), Clock.systemUTC());
        ParameterSet cool = new ParameterSet(100, 0.1, null, null, null, List.of(), true, true, null);
        model = new PromptLibraryViewModel(() -> prompts, name -> name.equals("cool") ? Optional.of(cool) : Optional.empty(),
                () -> List.of("cool"), composer, Runnable::run, UiThread.DIRECT);
    }

    @AfterEach
    void close() {
        folder.close();
    }

    @Test
    void usingAPromptWithVariablesWantsTheirValuesThenFillsTheComposer() {
        prompts.personal().save("explain", new PromptDraft("You teach {{level}}.", "Explain {{thing}}.", "m2",
                Map.of("temperature", 0.7), null));
        model.refresh();
        assertThat(model.entries()).extracting(PromptEntry::label).containsExactly("explain · v1");
        assertThat(model.parameterChoices()).hasSize(3);

        model.select(model.entries().getFirst());
        assertThat(model.versions()).hasSize(1);
        assertThat(model.variables()).containsExactly("level", "thing");
        model.setValue("thing", "tides");
        model.use(PromptLibraryViewModel.PROMPT_OWN);
        assertThat(model.messageProperty().get()).isEqualTo("Give {{level}} a value first.");
        assertThat(composer.used).isEmpty();

        model.setValue("level", "children");
        model.use(PromptLibraryViewModel.PROMPT_OWN);
        model.use(PromptLibraryViewModel.KEEP_CURRENT);
        model.use(model.parameterChoices().get(2));
        assertThat(composer.used).containsExactly("prompt's m2 {temperature=0.7} | You teach children. | Explain tides.",
                "texts | You teach children. | Explain tides.", "preset 0.1 | Explain tides.");
    }

    @Test
    void savesFromTheComposerShowsVersionsAndADiff() {
        model.saveFromComposer("teach", "first", false);
        composer.holds = new PromptDraft("Be brief.", "Explain {{thing}} simply.", "m1", Map.of("temperature", 0.3), null);
        model.saveFromComposer("teach", "simpler", false);
        assertThat(model.messageProperty().get()).isEqualTo("Saved teach v2.");
        model.saveFromComposer(" ", null, false);
        assertThat(model.messageProperty().get()).contains("give it a name");

        model.select(model.entries().getFirst());
        assertThat(model.versions()).extracting(v -> v.note()).containsExactly("first", "simpler");
        model.diff(1, 2);
        assertThat(model.diffProperty().get()).contains("-Explain {{thing}}.", "+Explain {{thing}} simply.");
    }

    @Test
    void theTeamsPromptsAreMarkedOfflineWhenTheWorkspaceIsAwayAndYoursStay() {
        ScratchPostgres own = ScratchPostgres.startNew();
        ScratchPostgres.Db db = own.newDatabase();
        folder.team().connect(db.url(), "ada", db.user(), db.password(), null);
        prompts.personal().save("mine", new PromptDraft(null, "Mine.", null, Map.of(), null));
        prompts.team().save("ours", new PromptDraft(null, "Ours.", null, Map.of(), null));
        model.refresh();
        assertThat(model.entries()).extracting(PromptEntry::label).containsExactly("mine · v1", "ours · v1 · team");
        assertThat(model.teamStatusProperty().get()).isEmpty();

        model.select(model.entries().getFirst());
        model.share();
        assertThat(model.messageProperty().get()).isEqualTo("Shared mine to the team (1 version).");
        assertThat(model.entries()).extracting(PromptEntry::label).contains("mine · v1 · team");

        own.stop();
        model.refresh();
        assertThat(model.entries()).extracting(PromptEntry::label).containsExactly("mine · v1", "mine · v1 · team", "ours · v1 · team");
        assertThat(model.teamStatusProperty().get()).startsWith("team offline");
        model.saveFromComposer("ours", "kept", true);
        assertThat(model.messageProperty().get()).startsWith("team offline");
        assertThat(prompts.personal().history("mine")).hasSize(1);
    }
}
