package parley.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.chat.ChatViewModel;
import parley.ui.models.ProviderViewModel;
import parley.ui.settings.ThemeChoice;
import parley.usage.UsageService;

/**
 * Takes the README's screenshots: the real window, on a fresh data folder, talking to the scripted
 * server on loopback, which streams a reply with reasoning. One question is sent, its reasoning
 * opened, and the window is captured with the Code and the Usage tab in a light and a dark theme.
 *
 * <p>Run under a display (Xvfb will do):
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" mvn -B -ntp -Pbench -DskipTests -Dbench.main=parley.bench.ScreenshotTour test}.
 * The PNGs go to {@code assets/} (or the folder named by {@code PARLEY_SCREENSHOTS}).
 */
public final class ScreenshotTour {
    private ScreenshotTour() {}

    /** A launcher that is not the Application itself, so JavaFX starts from the class path. */
    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The window and the script that drives it. */
    public static final class Tour extends Application {
        static final String MODEL = "deepseek-ai/deepseek-v3.2-speciale";
        static final String QUESTION = "How do I read a file line by line in Java, without loading it all?";
        private static final int WIDTH = 1440;
        private static final int HEIGHT = 860;

        private ScriptedServer server;
        private WindowAssembly assembly;
        private Scene scene;
        private Path out;

        @Override
        public void start(Stage stage) throws IOException {
            out = Path.of(System.getenv().getOrDefault("PARLEY_SCREENSHOTS", "assets"));
            Files.createDirectories(out);
            server = ScriptedServer.start().fallback(Tour::answer);
            Path home = Files.createTempDirectory("parley-tour");
            Database database = AppDatabase.open(home.resolve(Database.FILE_NAME));
            UsageService.over(database, Clock.systemDefaultZone())
                    .setUserPrice(null, MODEL, new BigDecimal("0.40"), new BigDecimal("1.20"), null);
            assembly = WindowAssembly.open(database, Map.of(), UiThread.FX);
            assembly.appearance().choose(ThemeChoice.PRIMER_LIGHT);
            scene = DesktopApp.scene(assembly, WIDTH, HEIGHT);
            stage.setTitle("Parley");
            stage.setScene(scene);
            stage.show();
            assembly.windowShown();
            Thread.ofPlatform().name("tour").daemon().start(this::tour);
        }

        private void tour() {
            int code = 0;
            try {
                ProviderViewModel providers = assembly.providers();
                onFx(() -> providers.addCustom(server.baseUrl()));
                waitFor("the model list", () -> providers.modelsStateProperty().get() == ProviderViewModel.ModelsState.LOADED);
                onFx(() -> providers.selectModel(MODEL));
                ChatViewModel chat = assembly.chatModel();
                onFx(() -> {
                    chat.setDraft(QUESTION);
                    chat.send();
                });
                pause(500);
                waitFor("the reply", () -> chat.state() == ChatViewModel.State.IDLE);
                pause(1000);
                onFx(() -> scene.getRoot().lookupAll(".chat-reasoning")
                        .forEach(n -> ((TitledPane) n).setExpanded(true)));
                shoot("light");
                onFx(() -> assembly.appearance().choose(ThemeChoice.NORD_DARK));
                shoot("dark");
            } catch (Exception e) {
                e.printStackTrace();
                code = 1;
            }
            int exit = code;
            onFxQuietly(() -> {
                assembly.close();
                server.close();
            });
            Runtime.getRuntime().halt(exit);
        }

        /** The Code tab, then the Usage tab, each captured once the panel has settled. */
        private void shoot(String theme) throws Exception {
            for (String tab : List.of("code", "usage")) {
                onFx(() -> {
                    TabPane side = (TabPane) scene.lookup("#side-panels");
                    side.getSelectionModel().select(side.getTabs().stream()
                            .filter(t -> ("tab-" + tab).equals(t.getId())).findFirst().orElseThrow());
                });
                pause(2500);
                Path file = out.resolve("screenshot-" + theme + "-" + tab + ".png");
                BufferedImage image = call(this::capture);
                ImageIO.write(image, "png", file.toFile());
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

        /** The scripted server: one model, and a streamed answer with reasoning and usage. */
        static Reply answer(ScriptedServer.Recorded request) {
            if (request.path().endsWith("/models")) {
                return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\"},"
                        + "{\"id\":\"deepseek-ai/deepseek-v3.2\",\"object\":\"model\"}]}");
            }
            Reply reply = Reply.stream();
            for (String piece : pieces(REASONING)) {
                reply.events(chunk("\"reasoning_content\":" + json(piece), "null")).pause(15);
            }
            for (String piece : pieces(ANSWER)) {
                reply.events(chunk("\"content\":" + json(piece), "null")).pause(10);
            }
            reply.events(chunk("", "\"stop\"").replace("}]}", "}],\"usage\":{\"prompt_tokens\":31,"
                    + "\"completion_tokens\":212,\"total_tokens\":243,"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":64}}}"));
            return reply.send("data: [DONE]\n\n");
        }

        private static String chunk(String delta, String finish) {
            return "{\"id\":\"tour\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\","
                    + "\"choices\":[{\"index\":0,\"delta\":{" + delta + "},\"finish_reason\":" + finish + "}]}";
        }

        private static List<String> pieces(String text) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < text.length(); i += 6) pieces.add(text.substring(i, Math.min(text.length(), i + 6)));
            return pieces;
        }

        private static String json(String text) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c);
                }
            }
            return b.append('"').toString();
        }

        private static final String REASONING = """
                The user wants to stream a file instead of reading it whole. Files.lines gives a lazy \
                stream of lines, but it holds the file open, so it goes in try-with-resources. \
                BufferedReader.readLine is the classic loop. Mention the charset: both read UTF-8.""";

        private static final String ANSWER = """
                Use `Files.lines`: it reads **lazily**, one line at a time, so memory stays flat however \
                large the file is.

                ```java
                try (Stream<String> lines = Files.lines(Path.of("server.log"))) {
                    lines.filter(line -> line.contains("ERROR"))
                         .forEach(System.out::println);
                }
                ```

                - Close the stream (the `try` does it): it holds the file open.
                - Both `Files.lines` and `Files.newBufferedReader` read UTF-8 unless you pass a charset.
                - For a loop with an index, `BufferedReader.readLine()` does the same job.
                """;

        static void waitFor(String what, BooleanSupplier done) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!call(done::getAsBoolean)) {
                if (System.nanoTime() > end) throw new IllegalStateException("timed out waiting for " + what);
                pause(100);
            }
        }

        static void pause(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        static void onFx(Runnable action) throws Exception {
            call(() -> {
                action.run();
                return null;
            });
        }

        static <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
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

        private static void onFxQuietly(Runnable action) {
            try {
                onFx(action);
            } catch (Exception ignored) {
                // leaving anyway
            }
        }
    }
}
