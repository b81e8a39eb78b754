package parley.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.experiment.Cells;
import parley.experiment.ExperimentService;
import parley.experiment.ExperimentStore;
import parley.experiment.SavedExperiment;
import parley.experiment.StoredSamples;
import parley.history.ConversationStore;
import parley.history.FileLimit;
import parley.history.HistoryService;
import parley.history.SavedConversation;
import parley.history.SavedMessage;
import parley.preset.ParameterSet;
import parley.preset.PresetStore;

/** Two members on a real PostgreSQL: one shares a conversation, an experiment and a preset; the other opens them. */
class TeamShelfTest {
    @TempDir Path home;

    @Test
    void whatOneMemberSharesTheOtherListsAndOpensAsALocalCopy() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            TeamShelf adaShelf = ada.team().shelf().orElseThrow();
            TeamShelf boShelf = bo.team().shelf().orElseThrow();

            HistoryService adaHistory = history(ada);
            new ConversationStore(ada.database()).insertAll(List.of(conversation()));
            adaShelf.share(TeamShelf.Kind.CONVERSATION, "c-1", "Tides", adaHistory.exportText("c-1"));
            ExperimentService adaExperiments = experiments(ada);
            adaExperiments.store().insertIfAbsent(StoredSamples.halfRun());
            adaShelf.share(TeamShelf.Kind.EXPERIMENT, "exp-1", "Tides at two temperatures",
                    adaExperiments.exportJson("exp-1").orElseThrow());
            ParameterSet preset = new ParameterSet(256, 0.2, 0.9, null, null, List.of("END"), true, true, "Be brief.");
            adaShelf.share(TeamShelf.Kind.PRESET, "brief", "brief", PresetStore.toJson(preset));

            TeamShelf.SharedItem shared = boShelf.list(TeamShelf.Kind.CONVERSATION).getFirst();
            assertThat(shared.title()).isEqualTo("Tides");
            assertThat(shared.member()).isEqualTo("ada");
            assertThat(shared.computer()).isEqualTo(Computer.name());
            HistoryService boHistory = history(bo);
            String copy = boHistory.importText(boShelf.body(TeamShelf.Kind.CONVERSATION, "c-1").orElseThrow(), "Tides");
            assertThat(boHistory.find(copy).orElseThrow().messages()).extracting(SavedMessage::content)
                    .containsExactly("Why are tides high?", "The bay funnels them.");

            assertThat(boShelf.list(TeamShelf.Kind.EXPERIMENT)).extracting(TeamShelf.SharedItem::title)
                    .containsExactly("Tides at two temperatures");
            ExperimentService boExperiments = experiments(bo);
            String json = boShelf.body(TeamShelf.Kind.EXPERIMENT, "exp-1").orElseThrow();
            ExperimentService.ImportReport imported = boExperiments.importText(json, "Tides at two temperatures");
            SavedExperiment opened = boExperiments.load(imported.experimentId()).orElseThrow();
            assertThat(opened.experiment().targets()).isEqualTo(StoredSamples.experiment().targets());
            assertThat(Cells.of(opened.experiment())).hasSameSizeAs(Cells.of(StoredSamples.experiment()));
            assertThat(opened.results()).hasSize(3);
            assertThat(ExperimentService.failedCells(opened)).hasSize(3); // cut, failed and never run: ready to run again

            assertThat(PresetStore.fromJson(boShelf.body(TeamShelf.Kind.PRESET, "brief").orElseThrow(), "brief"))
                    .isEqualTo(preset);
            assertThat(boShelf.body(TeamShelf.Kind.PRESET, "other")).isEmpty();
        }
    }

    @Test
    void sharingAgainReplacesTheTeamsCopyAndSaysWhoSharedItLast() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            ada.team().shelf().orElseThrow().share(TeamShelf.Kind.PRESET, "brief", "brief", "{\"temperature\":0.1}");
            bo.team().shelf().orElseThrow().share(TeamShelf.Kind.PRESET, "brief", "brief", "{\"temperature\":0.3}");

            TeamShelf shelf = ada.team().shelf().orElseThrow();
            assertThat(shelf.list(TeamShelf.Kind.PRESET)).extracting(TeamShelf.SharedItem::member).containsExactly("bo");
            assertThat(shelf.body(TeamShelf.Kind.PRESET, "brief")).contains("{\"temperature\":0.3}");
        }
    }

    @Test
    void aFolderWithoutAWorkspaceHasNoShelfAndNothingUnsavedIsShared() {
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            assertThat(ada.team().shelf()).isEmpty();
        }
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada2"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            assertThatThrownBy(() -> ada.team().shelf().orElseThrow().share(TeamShelf.Kind.CONVERSATION, "", "t", "{}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("save it first");
        }
    }

    private static HistoryService history(TeamTestSupport member) {
        return HistoryService.withoutChat(new ConversationStore(member.database()), () -> FileLimit.DEFAULT_BYTES);
    }

    private static ExperimentService experiments(TeamTestSupport member) {
        return new ExperimentService(new ExperimentStore(member.database()), () -> FileLimit.DEFAULT_BYTES);
    }

    private static SavedConversation conversation() {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        return new SavedConversation("c-1", "Tides", "atlascloud", "deepseek-ai/deepseek-v3.2", "", null, t, t,
                List.of(SavedMessage.typed("m-1", "user", "Why are tides high?", t),
                        SavedMessage.typed("m-2", "assistant", "The bay funnels them.", t.plusSeconds(1))));
    }
}
