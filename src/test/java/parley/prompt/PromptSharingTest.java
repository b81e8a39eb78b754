package parley.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.team.PromptLibraries;
import parley.team.ScratchPostgres;
import parley.team.TeamOffline;
import parley.team.TeamTestSupport;

/** A personal prompt shared to a team on a real PostgreSQL: its whole history goes along. */
class PromptSharingTest {
    @TempDir Path home;

    @Test
    void sharingCopiesTheWholeHistoryAndSharingAgainAddsOnlyTheNewVersions() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            PromptLibraries adas = new PromptLibraries(ada.database(), ada.team(), Clock.systemUTC());
            PromptLibraries bos = new PromptLibraries(bo.database(), bo.team(), Clock.systemUTC());
            adas.personal().save("haiku", new PromptDraft(null, "A haiku on {{topic}}.", null, Map.of(), "first"));
            adas.personal().save("haiku", new PromptDraft(null, "A haiku on {{topic}}, no rhyme.", "m1",
                    Map.of("temperature", 1.2), "no rhyme"));

            assertThat(adas.share("haiku")).hasSize(2);
            assertThat(bos.team().history("haiku")).extracting(v -> v.version() + " " + v.note() + " " + v.author().member())
                    .containsExactly("1 first ada", "2 no rhyme ada");
            assertThat(bos.team().show("haiku").orElseThrow().params()).containsEntry("temperature", 1.2);

            assertThat(adas.share("haiku")).isEmpty();
            adas.personal().save("haiku", new PromptDraft(null, "Three haiku on {{topic}}.", "m1", Map.of(), "three"));
            assertThat(adas.share("haiku")).extracting(PromptVersion::version).containsExactly(3);
            assertThat(bos.team().history("haiku")).hasSize(3);
        }
    }

    @Test
    void aTeamPromptOfTheSameNameWithOtherVersionsIsNotMixedIn() {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"));
             TeamTestSupport bo = TeamTestSupport.member(home.resolve("bo"))) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
            PromptLibraries adas = new PromptLibraries(ada.database(), ada.team(), Clock.systemUTC());
            PromptLibraries bos = new PromptLibraries(bo.database(), bo.team(), Clock.systemUTC());
            bos.team().save("haiku", new PromptDraft(null, "Bo's haiku.", null, Map.of(), null));
            adas.personal().save("haiku", new PromptDraft(null, "Ada's haiku.", null, Map.of(), null));

            assertThatThrownBy(() -> adas.share("haiku")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("save yours under another name");
            assertThat(bos.team().history("haiku")).hasSize(1);
        }
    }

    @Test
    void aTeamCallWhenTheWorkspaceIsAwaySaysTeamOfflineAndTheLocalLibraryGoesOn() {
        ScratchPostgres own = ScratchPostgres.startNew();
        try (TeamTestSupport ada = TeamTestSupport.member(home.resolve("ada"))) {
            ScratchPostgres.Db db = own.newDatabase();
            ada.team().connect(db.url(), "ada", db.user(), db.password(), null);
            PromptLibraries prompts = new PromptLibraries(ada.database(), ada.team(), Clock.systemUTC());
            prompts.personal().save("kept", new PromptDraft(null, "Kept {{x}}.", null, Map.of(), null));
            own.stop();

            assertThatThrownBy(() -> prompts.share("kept")).isInstanceOf(TeamOffline.class).hasMessageStartingWith("team offline");
            assertThatThrownBy(() -> prompts.team().list()).isInstanceOf(TeamOffline.class);
            assertThat(ada.team().offline()).isTrue();
            assertThat(prompts.personal().history("kept")).hasSize(1);

            own.start();
            assertThat(prompts.share("kept")).hasSize(1);
            assertThat(ada.team().offline()).isFalse();
            own.stop();
        }
    }
}
