package parley.bench;

import static parley.bench.ScreenshotTour.Tour.call;
import static parley.bench.ScreenshotTour.Tour.onFx;
import static parley.bench.ScreenshotTour.Tour.pause;
import static parley.bench.ScreenshotTour.Tour.waitFor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.team.ScratchPostgres;
import parley.team.TeamTestSupport;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.settings.ThemeChoice;
import parley.ui.usage.UsageViewModel;
import parley.usage.GroupBy;
import parley.usage.LedgerEntry;
import parley.usage.Outcome;
import parley.usage.TokenCounts;
import parley.usage.UsageLedger;

/**
 * Looks at the team workspace in the window, in a light and a dark theme: a scratch PostgreSQL, two
 * members with rows on the team's ledger, the window connected as one of them; captures the window
 * with the Usage panel in team scope by member, and the Team dialog's two tabs.
 *
 * <p>Run under a display (Xvfb will do):
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" mvn -B -ntp -Pbench -DskipTests -Dbench.main=parley.bench.TeamTour test}.
 * The PNGs go to the folder named by {@code PARLEY_SCREENSHOTS} (default {@code target/team-tour}).
 */
public final class TeamTour {
    private TeamTour() {}

    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The window and the script that drives it. */
    public static final class Tour extends Application {
        private WindowAssembly assembly;
        private Scene scene;
        private Path out;
        private ScratchPostgres.Db db;

        @Override
        public void start(Stage stage) throws IOException {
            out = Path.of(System.getenv().getOrDefault("PARLEY_SCREENSHOTS", "target/team-tour"));
            Files.createDirectories(out);
            db = ScratchPostgres.shared().newDatabase();
            Path bo = Files.createTempDirectory("parley-team-bo");
            try (TeamTestSupport other = TeamTestSupport.member(bo)) {
                other.team().connect(db.url(), "bo", db.user(), db.password(), null);
                for (int i = 0; i < 6; i++) new UsageLedger(other.database()).append(row("deepseek-ai/deepseek-v3.2", "0.0123"));
                other.team().flush();
            }
            Database database = AppDatabase.open(Files.createTempDirectory("parley-team-ada").resolve(Database.FILE_NAME));
            assembly = WindowAssembly.open(database, Map.of(), UiThread.FX);
            assembly.appearance().choose(ThemeChoice.PRIMER_LIGHT);
            scene = DesktopApp.scene(assembly, 1440, 860);
            stage.setTitle("Parley");
            stage.setScene(scene);
            stage.show();
            assembly.windowShown();
            Thread.ofPlatform().daemon().start(this::tour);
        }

        private static LedgerEntry row(String model, String cost) {
            return new LedgerEntry(0, Instant.now(), LocalDate.now(), "atlascloud", model,
                    new TokenCounts(1200, 300, 0, 0, false), new BigDecimal(cost), 400L, 2100, Outcome.OK, null, null,
                    LedgerEntry.CLI);
        }

        private void tour() {
            int code = 0;
            try {
                onFx(() -> assembly.team().model().connect(db.url(), "ada", db.user(), db.password()));
                waitFor("the connection", () -> "Team: ada".equals(assembly.team().model().indicatorProperty().get()));
                UsageLedger ledger = new UsageLedger(assembly.database());
                for (int i = 0; i < 3; i++) ledger.append(row("deepseek-ai/deepseek-v3.2-speciale", "0.0310"));
                assembly.team().rowAdded();
                pause(2000);
                for (String theme : new String[] {"light", "dark"}) {
                    if (theme.equals("dark")) onFx(() -> assembly.appearance().choose(ThemeChoice.NORD_DARK));
                    shootUsage(theme);
                    shootDialog(theme);
                }
            } catch (Exception e) {
                e.printStackTrace();
                code = 1;
            }
            int exit = code;
            Platform.runLater(() -> assembly.close());
            Runtime.getRuntime().halt(exit);
        }

        private void shootUsage(String theme) throws Exception {
            UsageViewModel usage = assembly.feature(parley.ui.usage.UsageFeature.class).panel();
            onFx(() -> {
                TabPane side = (TabPane) scene.lookup("#side-panels");
                side.getSelectionModel().select(side.getTabs().stream()
                        .filter(t -> "tab-usage".equals(t.getId())).findFirst().orElseThrow());
                usage.scope(UsageViewModel.Scope.TEAM);
                usage.groupBy(GroupBy.MEMBER);
            });
            pause(2500);
            save(call(() -> capture(scene)), "team-" + theme + "-usage");
        }

        private void shootDialog(String theme) throws Exception {
            onFx(() -> assembly.team().button().open());
            pause(2000);
            Scene dialog = call(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != scene)
                    .findFirst().orElseThrow().getScene());
            save(call(() -> capture(dialog)), "team-" + theme + "-connection");
            onFx(() -> ((TabPane) dialog.lookup(".tab-pane")).getSelectionModel().select(1));
            pause(2000);
            save(call(() -> capture(dialog)), "team-" + theme + "-budgets");
            onFx(() -> dialog.getWindow().hide());
        }

        private void save(BufferedImage image, String name) throws IOException {
            Path file = out.resolve(name + ".png");
            ImageIO.write(image, "png", file.toFile());
            System.out.println("saved " + file);
        }

        private static BufferedImage capture(Scene scene) {
            WritableImage shot = scene.snapshot(null);
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] argb = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, w, h, argb, 0, w);
            return image;
        }
    }
}
