package parley.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.history.SavedMessage;
import parley.store.AppState;
import parley.history.ConversationStore;
import parley.store.Database;
import parley.store.Settings;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.settings.ThemeChoice;

/** The whole window closed and started again on the same data folder finds its settings and history. */
class WindowRestartFxTest extends FxRobot {
    @TempDir
    Path dir;
    private WindowAssembly assembly;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) assembly.close();
    }

    @Test
    void parametersThemeFontProviderAndHistoryComeBack() throws Exception {
        start();
        assertThat(lookup("#history-panel").tryQuery()).isPresent();
        assertThat(lookup("#file-menu").tryQuery()).isPresent();
        interact(() -> {
            assembly.params().temperature().set(1.3);
            assembly.params().maxTokens().set(333);
            assembly.appearance().choose(ThemeChoice.NORD_DARK);
            assembly.appearance().setFontSize(17);
            assembly.providers().addCustom("http://127.0.0.1:9/v1");
            assembly.providers().selectModel("my-model");
        });
        Path session = dir.resolve("saved.parley.json");
        interact(() -> assembly.history().model().saveSession(session));
        AppState state = new AppState(new Settings(assembly.database()));
        waitUntil(() -> state.parameters().map(p -> p.contains("1.3")).orElse(false)
                && state.model().map("my-model"::equals).orElse(false)
                && state.fontSize().map(s -> s == 17).orElse(false));
        FxToolkit.cleanupStages();
        assembly.close();

        start();

        assertThat(assembly.params().temperature().value()).isEqualTo(1.3);
        assertThat(assembly.params().maxTokens().value()).isEqualTo(333);
        assertThat(assembly.appearance().choiceProperty().get()).isEqualTo(ThemeChoice.NORD_DARK);
        assertThat(assembly.appearance().fontSizeProperty().get()).isEqualTo(17);
        assertThat(assembly.providers().provider().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(assembly.providers().modelProperty().get()).isEqualTo("my-model");

        interact(() -> assembly.history().openFile(session));
        waitUntil(() -> assembly.history().model().noticeProperty().get().equals("Opened saved.parley.json."));
        assertThat(assembly.chat().settings().temperature()).isEqualTo(1.3);
    }

    /** As the app starts: what was remembered is read off the JavaFX thread, and the window is built as it was left. */
    @Test
    void whatWasReadAheadIsInTheWindowAsItIsBuilt() throws Exception {
        try (Database database = AppDatabase.open(dir.resolve("parley.db"))) {
            AppState state = new AppState(new Settings(database));
            state.setTheme(ThemeChoice.NORD_DARK.name());
            state.setFontSize(17);
            state.setProviderAndModel("custom", "http://127.0.0.1:9/v1", "my-model");
            state.setParameters("{\"temperature\":1.3}");
        }
        Database database = AppDatabase.open(dir.resolve("parley.db"));
        AppState remembered = AppState.readAhead(new Settings(database));
        java.util.concurrent.atomic.AtomicReference<String> seenWhileBuilding = new java.util.concurrent.atomic.AtomicReference<>();

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            assembly = WindowAssembly.open(database, remembered, new parley.store.SessionSecrets("kept for this test only"),
                    Map.of(), UiThread.FX);
            seenWhileBuilding.set(assembly.appearance().choiceProperty().get() + " "
                    + assembly.appearance().fontSizeProperty().get() + " " + assembly.params().temperature().value() + " "
                    + assembly.providers().modelProperty().get());
        });

        assertThat(seenWhileBuilding.get()).isEqualTo(ThemeChoice.NORD_DARK + " 17 1.3 my-model");
    }

    @Test
    void aConversationDeletedInOneRunIsRemovedForGoodWhenTheWindowNextStarts() throws Exception {
        start();
        ConversationStore store = new ConversationStore(assembly.database());
        String kept = store.create("custom", "m", null);
        store.saveMessage(kept, SavedMessage.typed("k1", "user", "the walrus stays", Instant.now()));
        String gone = store.create("custom", "m", null);
        store.saveMessage(gone, SavedMessage.typed("g1", "user", "a narwhal leaves", Instant.now()));
        HistoryViewModel model = assembly.history().model();
        interact(model::refresh);
        waitUntil(() -> model.rows().size() == 2);

        interact(() -> model.delete(row(model, gone)));
        waitUntil(() -> model.rows().size() == 1 && model.deletedProperty().get() != null);
        FxToolkit.cleanupStages();
        assembly.close();

        try (Database between = AppDatabase.open(dir.resolve("parley.db"))) {
            assertThat(count(between, "SELECT count(*) FROM messages WHERE conversation_id = '" + gone + "'"))
                    .as("kept until the next start").isEqualTo(1);
        }

        start();
        HistoryViewModel again = assembly.history().model();
        waitUntil(() -> again.rows().size() == 1);
        assertThat(again.rows().getFirst().conversationId()).isEqualTo(kept);
        Database database = assembly.database();
        assertThat(count(database, "SELECT count(*) FROM conversations WHERE id = '" + gone + "'")).isZero();
        assertThat(count(database, "SELECT count(*) FROM messages WHERE conversation_id = '" + gone + "'")).isZero();
        assertThat(count(database, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'narwhal'")).isZero();
        assertThat(count(database, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'walrus'")).isOne();
    }

    private static HistoryViewModel.Row row(HistoryViewModel model, String conversationId) {
        return model.rows().stream().filter(r -> r.conversationId().equals(conversationId)).findFirst().orElseThrow();
    }

    private static int count(Database database, String sql) {
        return database.<Integer>read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private void start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            assembly = WindowAssembly.open(AppDatabase.open(dir.resolve("parley.db")), Map.of(), UiThread.FX);
            s.setScene(new javafx.scene.Scene(assembly.window(), 1200, 780));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
