package parley.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.ExtendedControls;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.params.OutputFormatViewModel;
import parley.ui.settings.ThemeChoice;
import parley.ui.tools.ToolsViewModel;

/**
 * Screenshots of the Tools panel and of the extended parameters (seed, choices, log-probabilities,
 * reasoning effort, output format) in a light and a dark theme, on a fresh data folder.
 *
 * <p>Run under a display (Xvfb will do):
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" mvn -B -ntp -Pbench -DskipTests -Dbench.main=parley.bench.PanelsScreenshots test}.
 * The PNGs go to {@code assets/} (or the folder named by {@code PARLEY_SCREENSHOTS}).
 */
public final class PanelsScreenshots {
    private PanelsScreenshots() {}

    public static void main(String[] args) {
        Application.launch(Shots.class, args);
    }

    /** The window and the script that fills its panels. */
    public static final class Shots extends Application {
        private static final String TOOLS = """
                [
                  {"type": "function", "function": {"name": "get_weather", "description": "The current weather in a city",
                    "parameters": {"type": "object", "properties": {"city": {"type": "string"},
                      "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}, "required": ["city"]}}},
                  {"type": "function", "function": {"name": "lookup_order", "description": "An order by its number",
                    "parameters": {"type": "object", "properties": {"order": {"type": "integer"}}}}}
                ]""";
        private ScriptedServer server;
        private WindowAssembly assembly;
        private Scene scene;
        private Path out;

        @Override
        public void start(Stage stage) throws Exception {
            out = Path.of(System.getenv().getOrDefault("PARLEY_SCREENSHOTS", "assets"));
            Files.createDirectories(out);
            server = ScriptedServer.start().fallback(r -> Reply.json(200,
                    "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1-mini\",\"object\":\"model\"}]}"));
            Path home = Files.createTempDirectory("parley-panels");
            Files.writeString(home.resolve("tools.json"), TOOLS);
            Database database = AppDatabase.open(home.resolve(Database.FILE_NAME));
            assembly = WindowAssembly.open(database, Map.of(), UiThread.FX);
            assembly.appearance().choose(ThemeChoice.PRIMER_LIGHT);
            scene = DesktopApp.scene(assembly, 1440, 860);
            stage.setTitle("Parley");
            stage.setScene(scene);
            stage.show();
            Thread.ofPlatform().name("shots").daemon().start(() -> shots(home.resolve("tools.json")));
        }

        private void shots(Path toolsFile) {
            int code = 0;
            try {
                onFx(() -> assembly.providers().addCustom(server.baseUrl()));
                ExtendedControls extended = assembly.controls().extended();
                ToolsViewModel tools = extended.tools();
                onFx(() -> tools.importFrom(toolsFile));
                waitFor(() -> tools.tools().size() == 2);
                onFx(() -> {
                    tools.tools().getFirst().setCannedResult("{\"city\": \"Oslo\", \"celsius\": 4, \"sky\": \"rain\"}");
                    tools.tools().get(1).parameters().setText("{\n  \"type\": \"object\",\n  \"properties\": {\n"
                            + "    \"order\": {\"type\": \"integr\"}\n  }\n}");
                    tools.choose(tools.choices().get(1));
                    tools.setParallel(true);
                    extended.extras().rollSeed();
                    extended.extras().setNOn(true);
                    extended.extras().setN(2);
                    extended.extras().setLogprobs(true);
                    extended.extras().setTopOn(true);
                    extended.extras().setTop(5);
                    extended.extras().setEffort("medium");
                    OutputFormatViewModel output = extended.output();
                    output.choose(OutputFormatViewModel.Kind.JSON_SCHEMA);
                    output.setName("weather_report");
                    output.schema().setText("{\n  \"type\": \"object\",\n  \"properties\": {\n"
                            + "    \"summary\": {\"type\": \"string\"},\n    \"celsius\": {\"type\": \"number\"}\n  },\n"
                            + "  \"required\": [\"summary\", \"celsius\"]\n}");
                });
                shoot("light");
                onFx(() -> assembly.appearance().choose(ThemeChoice.NORD_DARK));
                shoot("dark");
            } catch (Exception e) {
                e.printStackTrace();
                code = 1;
            }
            int exit = code;
            try {
                onFx(() -> {
                    assembly.close();
                    server.close();
                });
            } catch (Exception ignored) {
                // leaving anyway
            }
            Runtime.getRuntime().halt(exit);
        }

        private void shoot(String theme) throws Exception {
            for (String shot : List.of("tools", "tools-end", "parameters")) {
                String tab = shot.replace("-end", "");
                onFx(() -> {
                    TabPane side = (TabPane) scene.lookup("#side-panels");
                    side.getSelectionModel().select(side.getTabs().stream()
                            .filter(t -> ("tab-" + tab).equals(t.getId())).findFirst().orElseThrow());
                });
                Thread.sleep(1500);
                String scrolled = switch (shot) {
                    case "tools-end" -> "#tools-view";
                    case "parameters" -> "#params-view";
                    default -> null;
                };
                if (scrolled != null) {
                    onFx(() -> ((ScrollPane) scene.lookup(scrolled)).setVvalue(1.0));
                    Thread.sleep(1000);
                }
                Path file = out.resolve("screenshot-" + theme + "-" + shot + ".png");
                ImageIO.write(call(this::capture), "png", file.toFile());
                System.out.println("saved " + file);
            }
        }

        private BufferedImage capture() {
            WritableImage shot = scene.snapshot(null);
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] argb = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, w, h, argb, 0, w);
            return image;
        }

        private static void waitFor(BooleanSupplier done) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!call(done::getAsBoolean)) {
                if (System.nanoTime() > end) throw new IllegalStateException("timed out");
                Thread.sleep(100);
            }
        }

        private static void onFx(Runnable action) throws Exception {
            call(() -> {
                action.run();
                return null;
            });
        }

        private static <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
            CompletableFuture<T> result = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    result.complete(action.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            return result.get(30, TimeUnit.SECONDS);
        }
    }
}
