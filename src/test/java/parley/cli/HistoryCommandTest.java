package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.app.InputLimits;
import parley.history.FileLimit;
import parley.history.ConversationStore;
import parley.history.SavedConversation;
import parley.history.SavedMessage;
import parley.store.Database;
import parley.store.Settings;

/** {@code parley history} end to end, over a history in a temporary data folder. */
class HistoryCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir Path home;
    @TempDir Path files;
    private Map<String, String> env;

    @BeforeEach
    void history() {
        env = Map.of("PARLEY_HOME", home.toString());
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            new ConversationStore(db).insertAll(List.of(
                    new SavedConversation("c-primes", "Prime numbers", "atlascloud", "deepseek-ai/deepseek-v3.2", "",
                            null, T0, T0.plusSeconds(60), List.of(
                            SavedMessage.typed("m-1", ChatMessage.USER, "Name the first three prime numbers.", T0),
                            new SavedMessage("m-2", ChatMessage.ASSISTANT, "The first three primes are 2, 3 and 5.",
                                    "", "COMPLETE", null, "deepseek-ai/deepseek-v3.2", Map.of("temperature", 0.2),
                                    new Usage(12, 14, 26, null, null), T0.plusSeconds(2)))),
                    new SavedConversation("c-tea", "Green tea", "ollama", "qwen3:4b", "You are terse.", null,
                            T0.plusSeconds(3600), T0.plusSeconds(7200), List.of(
                            SavedMessage.typed("m-3", ChatMessage.USER, "How hot should the water be for green tea?",
                                    T0.plusSeconds(3600)),
                            SavedMessage.typed("m-4", ChatMessage.ASSISTANT, "About 80 °C; boiling water makes it bitter.",
                                    T0.plusSeconds(3601))))));
        }
    }

    @Test
    void listsNewestFirstAsGoldenJson() throws IOException {
        CliRun run = CliRun.of(env, "history", "list", "--json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(golden("list.json"));
        assertThat(CliRun.of(env, "history", "list", "--limit", "1", "--json").out())
                .contains("c-tea").doesNotContain("c-primes");
        CliRun table = CliRun.of(env, "history", "list");
        assertThat(table.out()).containsPattern("c-tea +\\S+ \\S+ +2 +qwen3:4b +Green tea");
    }

    @Test
    void searchIsRankedWithSnippetsAsGoldenJson() throws IOException {
        CliRun run = CliRun.of(env, "history", "search", "prime", "--json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(golden("search.json"));
        assertThat(CliRun.of(env, "history", "search", "prime").out())
                .startsWith("1. Prime numbers (c-primes, ").contains("**prime**");
        assertThat(CliRun.of(env, "history", "search", "nothing-like-it", "--json").out()).isEqualTo("[]\n");
    }

    @Test
    void showPrintsTheExportFormatOrMarkdown() throws IOException {
        CliRun json = CliRun.of(env, "history", "show", "c-primes", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).isEqualTo(golden("show.json"));
        CliRun markdown = CliRun.of(env, "history", "show", "c-tea", "--markdown");
        assertThat(markdown.out()).startsWith("# Green tea\n").contains("You are terse.").contains("About 80 °C");
        assertThat(CliRun.of(env, "history", "show", "c-tea").out()).isEqualTo(markdown.out());
        assertThat(CliRun.of(env, "history", "show", "c-tea", "--json", "--markdown").code()).isEqualTo(2);
    }

    @Test
    void anUnknownIdOrABadLimitIsBadInput() {
        CliRun show = CliRun.of(env, "history", "show", "c-none");
        assertThat(show.code()).isEqualTo(2);
        assertThat(show.err()).isEqualTo("parley: No conversation c-none in the history: see 'parley history list' for the ids.\n");
        assertThat(CliRun.of(env, "history", "delete", "c-none").code()).isEqualTo(2);
        assertThat(CliRun.of(env, "history", "list", "--limit", "0").err()).contains("--limit must be 1 or more");
        assertThat(CliRun.of(env, "history", "export", "c-tea").code()).isEqualTo(2);
        assertThat(CliRun.of(env, "history").code()).isEqualTo(2);
    }

    @Test
    void deleteRemovesTheConversationForGood() {
        CliRun run = CliRun.of(env, "history", "delete", "c-tea");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("Deleted c-tea.\n");
        assertThat(CliRun.of(env, "history", "list", "--json").out()).doesNotContain("c-tea").contains("c-primes");
        assertThat(CliRun.of(env, "history", "search", "green", "--json").out()).isEqualTo("[]\n");
        assertThat(CliRun.of(env, "history", "show", "c-tea").code()).isEqualTo(2);
    }

    @Test
    void importingTheSameFileTwiceAddsItOnce() {
        Path file = files.resolve("primes.json");
        assertThat(CliRun.of(env, "history", "export", "c-primes", file.toString()).code()).isZero();

        CliRun first = CliRun.of(env, "history", "import", file.toString());
        CliRun second = CliRun.of(env, "history", "import", file.toString());

        assertThat(first.code()).isZero();
        assertThat(first.out()).startsWith("Imported 1 conversation.\n");
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo("Imported 0 conversations; 1 already in the history.\n");
        String list = CliRun.of(env, "history", "list", "--json").out();
        assertThat(list.split("\"title\":\"Prime numbers\"", -1)).hasSize(3); // the original and one copy
    }

    @Test
    void aDamagedFileIsRefusedWithNothingImported() throws IOException {
        Path all = files.resolve("all.json");
        assertThat(CliRun.of(env, "history", "export", "--all", all.toString()).out())
                .isEqualTo("Exported 2 conversations to " + all + ".\n");
        String text = Files.readString(all);
        // the second conversation's first message loses its role: the first must not be imported either
        int second = text.indexOf("\"Prime numbers\"");
        Path damaged = files.resolve("damaged.json");
        Files.writeString(damaged, text.substring(0, second) + text.substring(second).replaceFirst("\"role\" : \"user\"", "\"role\" : \"robot\""));
        Path fresh = files.resolve("fresh");
        Map<String, String> freshEnv = Map.of("PARLEY_HOME", fresh.toString());

        CliRun run = CliRun.of(freshEnv, "history", "import", damaged.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("parley: damaged.json (conversation 2): message 1 has no valid role");
        assertThat(CliRun.of(freshEnv, "history", "list", "--json").out()).isEqualTo("[]\n");
        Files.writeString(damaged, text.substring(0, text.length() / 2));
        assertThat(CliRun.of(freshEnv, "history", "import", damaged.toString()).err())
                .startsWith("parley: damaged.json is not a readable conversation export");
        assertThat(CliRun.of(freshEnv, "history", "import", files.resolve("missing.json").toString()).err())
                .startsWith("parley: No file ");
    }

    @Test
    void exportAllThenImportIntoAFreshDataFolder() throws IOException {
        Path all = files.resolve("all.json");
        CliRun.of(env, "history", "export", "--all", all.toString());
        Map<String, String> freshEnv = Map.of("PARLEY_HOME", files.resolve("fresh").toString());

        CliRun run = CliRun.of(freshEnv, "history", "import", all.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Imported 2 conversations.\n");
        String before = withoutIds(CliRun.of(env, "history", "list", "--json").out());
        assertThat(withoutIds(CliRun.of(freshEnv, "history", "list", "--json").out())).isEqualTo(before);
        assertThat(CliRun.of(freshEnv, "history", "search", "bitter", "--json").out()).contains("\"title\":\"Green tea\"");
        assertThat(CliRun.of(freshEnv, "history", "import", all.toString()).out())
                .isEqualTo("Imported 0 conversations; 2 already in the history.\n");
    }

    @Test
    void theFileLimitInTheSettingsIsHonoured() throws IOException {
        Path big = files.resolve("big.json");
        Files.writeString(big, " ".repeat(1_100_000) + "{}");
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            InputLimits.set(new Settings(db), FileLimit.SETTING, 1);
        }

        CliRun run = CliRun.of(env, "history", "import", big.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("parley: big.json is 1,100,002 bytes, over the 1 MB limit for session and import"
                + " files: raise the setting limits.file_mb to read it.\n");
    }

    private static String withoutIds(String json) {
        return json.replaceAll("\"id\":\"[^\"]+\"", "\"id\":\"…\"");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = HistoryCommandTest.class.getResourceAsStream("/cli/history/" + name)) {
            if (in == null) throw new IllegalStateException("no golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
