package parley.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.testing.SceneImages;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.experiment.AxisModel;
import parley.ui.experiment.CheckKind;
import parley.ui.experiment.ExperimentFormModel;
import parley.ui.experiment.ExperimentsFeature;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParamSpec;
import parley.ui.settings.ThemeChoice;
import parley.usage.UsageService;

/**
 * Takes the Experiments view's screenshots for {@code src/docs/experiments.md}: the real window on a fresh data
 * folder and the scripted server with three models; the form filled from the chat (three models
 * checked, temperature swept, three input rows pasted, a check), then a run streaming with its
 * cells in flight. The form is shot in every theme (the docs keep a light and a dark one), the run
 * in a light and a dark theme.
 *
 * <p>Run under a display (Xvfb will do):
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" mvn -B -ntp -Pbench -DskipTests -Dbench.main=parley.bench.ExperimentsTour test}.
 * The PNGs go to {@code assets/} (or the folder named by {@code PARLEY_SCREENSHOTS}): the docs keep
 * {@code screenshot-{light,dark}-experiment-{form,run}.png}, Primer Light and Nord Dark.
 */
public final class ExperimentsTour {
    private ExperimentsTour() {}

    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The window and the script that drives it. */
    public static final class Tour extends Application {
        private static final List<String> MODELS = List.of("llama-3.1-8b-instruct", "qwen2.5-7b-instruct", "mistral-7b-instruct");
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
            UsageService usage = UsageService.over(database, Clock.systemDefaultZone());
            usage.setUserPrice(null, MODELS.get(0), new BigDecimal("0.05"), new BigDecimal("0.08"), null);
            usage.setUserPrice(null, MODELS.get(1), new BigDecimal("0.10"), new BigDecimal("0.30"), null);
            assembly = WindowAssembly.open(database, Map.of(), UiThread.FX);
            assembly.appearance().choose(ThemeChoice.PRIMER_LIGHT);
            scene = DesktopApp.scene(assembly, 1440, 860);
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
                onFx(() -> providers.selectModel(MODELS.get(0)));
                onFx(() -> assembly.chatModel().setDraft("Write a haiku about {{topic}}."));
                ExperimentsFeature experiments = assembly.feature(ExperimentsFeature.class);
                onFx(experiments::tryAcross);
                pause(800);
                onFx(() -> fill(experiments.form()));
                pause(1200);
                for (ThemeChoice theme : ThemeChoice.values()) {
                    if (theme == ThemeChoice.SYSTEM) continue;
                    onFx(() -> assembly.appearance().choose(theme));
                    pause(900);
                    shoot(theme == ThemeChoice.PRIMER_LIGHT ? "screenshot-light-experiment-form"
                            : theme == ThemeChoice.NORD_DARK ? "screenshot-dark-experiment-form" : "experiment-form-" + name(theme));
                }
                onFx(() -> assembly.appearance().choose(ThemeChoice.PRIMER_LIGHT));
                pause(600);
                onFx(() -> ((Button) scene.lookup("#experiment-run-button")).fire());
                pause(2500);
                shoot("screenshot-light-experiment-run");
                onFx(() -> assembly.appearance().choose(ThemeChoice.NORD_DARK));
                pause(1200);
                shoot("screenshot-dark-experiment-run");
                onFx(() -> ((Button) scene.lookup("#experiment-stop")).fire());
                pause(500);
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

        private static void fill(ExperimentFormModel form) {
            form.choose(form.offered().stream().filter(c -> MODELS.contains(c.target().model())).toList());
            AxisModel temperature = form.addAxis(ParamSpec.TEMPERATURE);
            temperature.setRange(0.2, 1.0);
            temperature.setStep("0.4");
            temperature.setOmit(true);
            form.inputs().addColumn("topic");
            ClipboardContent content = new ClipboardContent();
            content.putString("autumn rain\nthe night shift\na code review\n");
            Clipboard.getSystemClipboard().setContent(content);
            form.inputs().paste(0, 0, Clipboard.getSystemClipboard().getString());
            form.setRepeats("1");
            form.addCheck(CheckKind.MAX_TOKENS, "60");
        }

        private static String name(ThemeChoice theme) {
            return theme.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        private void shoot(String name) throws Exception {
            Path file = out.resolve(name + ".png");
            call(() -> {
                SceneImages.write(scene, file);
                return null;
            });
            System.out.println("saved " + file);
        }

        /** The model list, and every reply a short poem streamed slowly. */
        static Reply answer(ScriptedServer.Recorded request) {
            if (request.path().endsWith("/models")) {
                StringBuilder data = new StringBuilder();
                for (String m : MODELS) data.append(data.isEmpty() ? "" : ",").append("{\"id\":\"").append(m).append("\",\"object\":\"model\"}");
                return Reply.json(200, "{\"object\":\"list\",\"data\":[" + data + "]}");
            }
            Reply reply = Reply.stream();
            String poem = "Grey rain on the glass / the kettle hums its one note / a page left unturned";
            for (String word : poem.split(" ")) {
                reply.events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + " \"},\"finish_reason\":null}]}").pause(400);
            }
            reply.events("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":18,"
                    + "\"completion_tokens\":22,\"total_tokens\":40}}");
            return reply.send("data: [DONE]\n\n");
        }

        private static void waitFor(String what, BooleanSupplier done) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!call(done::getAsBoolean)) {
                if (System.nanoTime() > end) throw new IllegalStateException("timed out waiting for " + what);
                pause(100);
            }
        }

        private static void pause(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        private static void onFx(Runnable action) throws Exception {
            call(() -> {
                action.run();
                return null;
            });
        }

        private static void onFxQuietly(Runnable action) {
            try {
                onFx(action);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }

        private static <T> T call(Callable<T> action) throws Exception {
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
