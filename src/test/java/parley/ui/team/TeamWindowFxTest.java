package parley.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.SessionSecrets;
import parley.team.ScratchPostgres;
import parley.team.TeamSettings;
import parley.team.WorkspaceConfig;
import parley.ui.DesktopApp;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.usage.UsageFeature;
import parley.usage.LedgerEntry;
import parley.usage.RequestOrigin;

/** The team workspace in the real window on Monocle, against a real PostgreSQL: the dialog, and the indicator going offline and back. */
class TeamWindowFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly assembly;
    private final TestDialogs dialogs = new TestDialogs();
    private final SessionSecrets keyring = new SessionSecrets("kept for this test only");

    @BeforeEach
    void start() throws Exception {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList().forEach(javafx.stage.Window::hide);
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), keyring, Map.of(), UiThread.FX, dialogs);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        interact(assembly::close);
    }

    @Test
    void theDialogConnectsShowsTheStatusAndDisconnectsSayingWhatIsDropped() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        Button indicator = lookup("#team-button").queryButton();
        assertThat(indicator.getText()).isNull();
        clickOn(indicator);
        waitUntil(() -> text("#team-status").startsWith("Not connected to a team workspace"));

        fill("", "", "");
        interact(() -> lookup("#team-url").queryAs(TextField.class).setText(db.url()));
        clickOn("#team-connect");
        waitUntil(() -> text("#team-message").startsWith("Give the name you go by in the team"));
        assertThat(lookup("#team-url").queryAs(TextField.class).getText()).isEqualTo(db.url()); // nothing typed is lost

        fill("ada", db.user(), db.password());
        clickOn("#team-connect");
        waitUntil(() -> text("#team-status").startsWith("Connected to " + db.url()));
        assertThat(text("#team-status")).contains("Member: ada", "Schema version: 1", "Members: ada", "Rows queued: 0");
        waitUntil(() -> "Team: ada".equals(indicator.getText()));
        assertThat(keyring.get(TeamSettings.secretId(new WorkspaceConfig(db.url(), db.user(), "ada", null)))).contains(db.password());
        for (String file : List.of("parley.db", "parley.db-wal")) {
            Path stored = home.resolve(file);
            if (Files.exists(stored)) {
                assertThat(new String(Files.readAllBytes(stored), StandardCharsets.ISO_8859_1)).doesNotContain(db.password());
            }
        }

        dialogs.answer = true;
        clickOn("#team-disconnect");
        waitUntil(() -> text("#team-message").startsWith("Disconnected."));
        assertThat(dialogs.asked.getLast()).startsWith("Leave the workspace?");
        waitUntil(() -> indicator.getText() == null);
        assertThat(text("#team-status")).startsWith("Not connected to a team workspace");
        assertThat(keyring.get(TeamSettings.secretId(new WorkspaceConfig(db.url(), db.user(), "ada", null)))).isEmpty();
    }

    @Test
    void theIndicatorSaysOfflineWhileTheServerIsAwayAndTheQueueDrainsWhenItIsBack() throws Exception {
        ScratchPostgres server = ScratchPostgres.startNew();
        ScratchPostgres.Db db = server.newDatabase();
        Button indicator = lookup("#team-button").queryButton();
        assembly.team().model().connect(db.url(), "ada", db.user(), db.password());
        waitUntil(() -> "Team: ada".equals(indicator.getText()));

        server.stop();
        record();
        waitUntil(() -> "team offline · 1 queued".equals(indicator.getText()));
        assertThat(indicator.getStyleClass()).contains("warning");
        record();
        waitUntil(() -> "team offline · 2 queued".equals(indicator.getText()));

        server.start();
        try {
            // as every 30 seconds while rows wait: the pool may need a few tries to reach the restarted server
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                if ("Team: ada".equals(indicator.getText())) return true;
                assembly.team().tick();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                while (System.nanoTime() < until) {
                    if ("Team: ada".equals(indicator.getText())) return true;
                    Thread.sleep(100);
                }
                return false;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the indicator says " + indicator.getText() + "; the last problem: "
                    + assembly.team().model().statusProperty().get().problem(), e);
        }
        assertThat(indicator.getStyleClass()).doesNotContain("warning");
        try (Connection c = server.admin(db.user()); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), min(member) FROM team_ledger")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("ada");
        }
        server.stop();
    }

    private void record() {
        assembly.feature(UsageFeature.class).service().tracker().record(
                new RequestOrigin("atlascloud", null, "conv-1", null, LedgerEntry.WINDOW),
                ChatRequest.of("deepseek-ai/deepseek-v3.2", List.of(ChatMessage.user("hi"))),
                new ChatResult("ok", "", "stop", new Usage(10, 5, 15, 0, 0), false, false, null, 5, 9));
    }

    private void fill(String member, String user, String password) {
        interact(() -> {
            lookup("#team-member").queryAs(TextField.class).setText(member);
            lookup("#team-user").queryAs(TextField.class).setText(user);
            lookup("#team-password").queryAs(TextField.class).setText(password);
        });
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).filter(t -> t != null).orElse("");
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
