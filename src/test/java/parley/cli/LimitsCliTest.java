package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ReadLimits;
import parley.app.AppDatabase;
import parley.app.InputLimits;
import parley.store.Database;
import parley.store.Settings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** {@code send} and {@code models} hold answers to the limits in the data folder's settings. */
class LimitsCliTest {
    @TempDir Path home;
    private final ScriptedServer server = ScriptedServer.start();
    private Map<String, String> env;

    @BeforeEach
    void oneMegabyteLimits() {
        env = Map.of("PARLEY_HOME", home.toString());
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            Settings settings = new Settings(db);
            InputLimits.set(settings, ReadLimits.SSE_LINE_SETTING, 1);
            InputLimits.set(settings, ReadLimits.MODEL_LIST_SETTING, 1);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendRefusesALineOverTheSetLimit() {
        server.enqueue(Reply.stream().events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}")
                .send("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "z".repeat(2 * (int) ReadLimits.MB)));

        CliRun run = CliRun.of(env, "send", "--base-url", server.baseUrl(), "--model", "m", "--message", "hi");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith("Hi");
        assertThat(run.err()).contains("a line of the stream is over the 1 MB limit").contains("limits.sse_line_mb");
    }

    @Test
    void modelsRefusesAListOverTheSetLimit() {
        server.enqueue(Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}" + " ".repeat(2 * (int) ReadLimits.MB)));

        CliRun run = CliRun.of(env, "models", "--base-url", server.baseUrl());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the model list is over the 1 MB limit").contains("limits.model_list_mb");
    }

    @Test
    void aValueOutOfRangeIsRefusedAndAnUnusableOneMeansTheDefault() {
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            Settings settings = new Settings(db);
            assertThatThrownBy(() -> InputLimits.set(settings, ReadLimits.BODY_SETTING, 0))
                    .hasMessage("limits.body_mb must be from 1 to 2047 (MB), not 0");
            settings.putString(ReadLimits.BODY_SETTING, "lots");
            InputLimits limits = InputLimits.load(settings);
            assertThat(limits.reads().bodyBytes()).isEqualTo(ReadLimits.DEFAULT.bodyBytes());
            assertThat(limits.reads().sseLineBytes()).isEqualTo(ReadLimits.MB);
            assertThat(limits.fileBytes()).isEqualTo(InputLimits.DEFAULT.fileBytes());
        }
    }
}
