package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.team.ScratchPostgres;
import parley.team.TeamTestSupport;

/** {@code parley prompt} end to end: the personal library in a temporary data folder, the team's on a real PostgreSQL. */
class PromptCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path home;
    @TempDir Path files;
    private Map<String, String> env;

    @BeforeEach
    void folder() throws IOException {
        env = Map.of("PARLEY_HOME", home.toString());
        Files.writeString(files.resolve("v1.txt"), "Summarise {{topic}}.\nKeep it short.");
        Files.writeString(files.resolve("v2.txt"), "Summarise {{topic}}.\nKeep it under {{words}} words.");
        Files.writeString(files.resolve("system.txt"), "You are terse.");
    }

    @Test
    void savesShowsListsAndDiffsPersonalVersions() throws IOException {
        CliRun first = CliRun.of(env, "prompt", "save", "summary", "--file", files.resolve("v1.txt").toString(),
                "--param", "temperature=0.2", "--note", "first");
        CliRun again = CliRun.of(env, "prompt", "save", "summary", "--file", files.resolve("v1.txt").toString(),
                "--param", "temperature=0.2");
        CliRun second = CliRun.of(env, "prompt", "save", "summary", "--file", files.resolve("v2.txt").toString(),
                "--system-file", files.resolve("system.txt").toString(), "--model", "deepseek-ai/deepseek-v3.2",
                "--param", "temperature=0.4", "--param", "max_tokens=300", "--note", "a word limit");

        assertThat(first.code()).isZero();
        assertThat(first.out()).isEqualTo("Saved summary v1 in your library.\n");
        assertThat(again.out()).isEqualTo("summary v1 already holds this prompt: nothing saved.\n");
        assertThat(second.out()).isEqualTo("Saved summary v2 in your library.\n");

        JsonNode shown = JSON.readTree(CliRun.of(env, "prompt", "show", "summary", "--json").out());
        assertThat(shown.get("version").asInt()).isEqualTo(2);
        assertThat(shown.get("system").asText()).isEqualTo("You are terse.");
        assertThat(shown.get("params").toString()).isEqualTo("{\"max_tokens\":300,\"temperature\":0.4}");
        assertThat(shown.get("variables").toString()).isEqualTo("[\"topic\",\"words\"]");
        assertThat(shown.get("member").isNull()).isTrue();
        assertThat(CliRun.of(env, "prompt", "show", "summary", "--version", "1").out())
                .contains("note: first").contains("--- text\nSummarise {{topic}}.\nKeep it short.");

        JsonNode list = JSON.readTree(CliRun.of(env, "prompt", "list", "--json").out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(CliRun.of(env, "prompt", "history", "summary").out()).contains("first").contains("a word limit");
        assertThat(JSON.readTree(CliRun.of(env, "prompt", "history", "summary", "--json").out())).hasSize(2);

        CliRun diff = CliRun.of(env, "prompt", "diff", "summary", "1", "2");
        assertThat(diff.code()).isZero();
        assertThat(diff.out()).contains("-Keep it short.", "+Keep it under {{words}} words.", "+You are terse.",
                "model: (none) -> deepseek-ai/deepseek-v3.2", "param max_tokens: (none) -> 300", "param temperature: 0.2 -> 0.4");
    }

    @Test
    void badInputSaysWhatToChangeWithExitCode2() {
        String file = files.resolve("v1.txt").toString();
        assertThat(CliRun.of(env, "prompt", "save", "s", "--file", file, "--param", "temprature=1"))
                .satisfies(r -> assertThat(r.code()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).startsWith("parley: --param ").contains("use one of"));
        assertThat(CliRun.of(env, "prompt", "save", "s", "--file", file, "--param", "temperature=0,1").err())
                .contains("one value per parameter");
        assertThat(CliRun.of(env, "prompt", "save", "s", "--file", file, "--param", "temperature=3").code()).isEqualTo(2);
        assertThat(CliRun.of(env, "prompt", "save", "s", "--file", files.resolve("nope.txt").toString()).err())
                .contains("no such file");
        assertThat(CliRun.of(env, "prompt", "show", "nothing")).satisfies(r -> assertThat(r.code()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("There is no prompt named nothing"));
        CliRun.of(env, "prompt", "save", "s", "--file", file);
        assertThat(CliRun.of(env, "prompt", "diff", "s", "1", "4").err()).contains("s has no version 4: it has versions 1 to 1.");
        assertThat(CliRun.of(env, "prompt", "list", "--team")).satisfies(r -> assertThat(r.code()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("parley team connect"));
        assertThat(CliRun.of(env, "prompt", "list").out()).contains("s").doesNotContain("nothing");
    }

    @Test
    void theTeamsLibraryShowsEveryMembersVersionsAndTakesShares() throws IOException {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        Path bo = files.resolve("bo");
        try (TeamTestSupport ada = TeamTestSupport.member(home); TeamTestSupport other = TeamTestSupport.member(bo)) {
            ada.team().connect(db.url(), "ada", db.user(), db.password(), "PG_PASSWORD");
            other.team().connect(db.url(), "bo", db.user(), db.password(), "PG_PASSWORD");
        }
        Map<String, String> adaEnv = Map.of("PARLEY_HOME", home.toString(), "PG_PASSWORD", db.password());
        Map<String, String> boEnv = Map.of("PARLEY_HOME", bo.toString(), "PG_PASSWORD", db.password());
        String v1 = files.resolve("v1.txt").toString();
        String v2 = files.resolve("v2.txt").toString();

        assertThat(CliRun.of(adaEnv, "prompt", "save", "summary", "--file", v1, "--team").out())
                .isEqualTo("Saved summary v1 in the team's library.\n");
        assertThat(CliRun.of(boEnv, "prompt", "save", "summary", "--file", v2, "--team", "--note", "limit").out())
                .isEqualTo("Saved summary v2 in the team's library.\n");
        JsonNode history = JSON.readTree(CliRun.of(adaEnv, "prompt", "history", "summary", "--team", "--json").out());
        assertThat(history).extracting(v -> v.get("version").asInt() + " " + v.get("member").asText())
                .containsExactly("1 ada", "2 bo");

        CliRun.of(boEnv, "prompt", "save", "mine", "--file", v1, "--note", "personal");
        CliRun.of(boEnv, "prompt", "save", "mine", "--file", v2);
        CliRun share = CliRun.of(boEnv, "prompt", "share", "mine");
        assertThat(share.code()).isZero();
        assertThat(share.out()).isEqualTo("Shared mine to the team: v1 to v2.\n");
        assertThat(CliRun.of(adaEnv, "prompt", "list", "--team").out()).contains("mine").contains("summary");
        assertThat(CliRun.of(adaEnv, "prompt", "list").out()).isEqualTo("No prompts in your library.\n");
        assertThat(CliRun.of(adaEnv, "prompt", "show", "mine", "--team", "--version", "1").out()).contains("note: personal");
    }
}
