package parley.bench;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import parley.api.ChatClient;
import parley.api.Choice;
import parley.api.ClientConfig;
import parley.api.ExtendedParameters;
import parley.api.TokenLogprob;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.UiThread;
import parley.ui.chat.AnswerChoices;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;
import parley.ui.chat.MessageItem;
import parley.ui.chat.ToolCallViewModel;

/**
 * Takes the screenshots of the transcript's tool loop and token inspector, in Primer Light and in
 * Nord Dark, into {@code assets/screenshot-{light,dark}-{tools,tokens}.png} (or the folder named by
 * {@code PARLEY_SCREENSHOTS}): the transcript talks to the scripted server on loopback, which answers
 * with two tool calls (one whose arguments break the tool's schema), then with the final answer; and
 * with a reply with log-probabilities, shown in the token inspector with a token's alternatives.
 *
 * <p>Run under a display (Xvfb will do):
 * {@code xvfb-run -a -s "-screen 0 1440x900x24" mvn -B -ntp -Pbench -DskipTests -Dbench.main=parley.bench.TranscriptTour test}.
 */
public final class TranscriptTour {
    private TranscriptTour() {}

    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    public static final class Tour extends Application {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final int WIDTH = 1100;
        private static final int HEIGHT = 900;

        private ScriptedServer server;
        private AnswerChoices backend;
        private ChatService service;
        private ChatViewModel model;
        private Stage stage;
        private Path out;

        @Override
        public void start(Stage primary) throws IOException {
            stage = primary;
            out = Path.of(System.getenv().getOrDefault("PARLEY_SCREENSHOTS", "assets"));
            Files.createDirectories(out);
            server = ScriptedServer.start();
            backend = new AnswerChoices(new ChatClient(ClientConfig.of(server.baseUrl(), "sk-tour")));
            service = new ChatService(settings -> backend, request -> { });
            model = new ChatViewModel(service, UiThread.FX);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new ChatView(model), WIDTH, HEIGHT);
            scene.getStylesheets().add(ChatView.stylesheet());
            stage.setTitle("Parley");
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            Thread.ofPlatform().name("tour").daemon().start(this::tour);
        }

        private void tour() {
            int code = 0;
            try {
                for (String theme : List.of("light", "dark")) {
                    String css = theme.equals("light") ? new PrimerLight().getUserAgentStylesheet()
                            : new NordDark().getUserAgentStylesheet();
                    onFx(() -> Application.setUserAgentStylesheet(css));
                    toolLoop();
                    shoot(theme, "tools");
                    tokens();
                    shoot(theme, "tokens");
                }
            } catch (Exception e) {
                e.printStackTrace();
                code = 1;
            }
            int exit = code;
            onFxQuietly(() -> server.close());
            Runtime.getRuntime().halt(exit);
        }

        private void toolLoop() throws Exception {
            JsonNode weather = JSON.readTree("""
                    {"type":"object","properties":{"city":{"type":"string"},"unit":{"enum":["celsius","fahrenheit"]}},
                     "required":["city"]}""");
            JsonNode forecast = JSON.readTree("""
                    {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1}},
                     "required":["city","days"]}""");
            service.setSettings(settings().withExtended(ExtendedParameters.NONE.withTools(List.of(
                    Tool.function("get_weather", "The weather now in a city", weather),
                    Tool.function("get_forecast", "The forecast for the next days", forecast)), null, null)));
            onFx(model::newChat);
            answer(List.of(new Choice(0, null, null, "tool_calls", List.of(
                    ToolCall.of("call_7Fq2", "get_weather", "{\"city\":\"Lyon\",\"unit\":\"celsius\"}"),
                    ToolCall.of("call_9Xk4", "get_forecast", "{\"city\":\"Lyon\",\"days\":\"three\"}")), List.of())));
            send("Do I need an umbrella in Lyon today, and for the weekend?");
            waitFor("the tool calls", () -> !model.items().isEmpty() && model.items().getLast().toolCallsProperty().get() != null);
            onFx(() -> {
                List<ToolCallViewModel> calls = model.items().getLast().toolCallsProperty().get().calls();
                calls.get(0).setResult("{\"temperature\": 14, \"sky\": \"light rain\", \"wind_kmh\": 18}");
                calls.get(1).setResult("[{\"day\": \"Sat\", \"sky\": \"showers\"}, {\"day\": \"Sun\", \"sky\": \"sunny\"}]");
            });
            pause(500);
            answer(List.of(new Choice(0, "Yes, take an umbrella today: **14 °C with light rain** in Lyon. "
                    + "Saturday brings showers too; Sunday should be sunny.", null, "stop", List.of(), List.of())));
            MessageItem calls = call(() -> model.items().getLast());
            onFx(() -> calls.toolCallsProperty().get().sendResults());
            waitFor("the final answer", () -> model.items().getLast() != calls
                    && model.state() == ChatViewModel.State.IDLE);
            pause(800);
        }

        private void tokens() throws Exception {
            service.setSettings(settings().withExtended(ExtendedParameters.NONE.withLogprobs(true, 3)));
            onFx(model::newChat);
            List<TokenLogprob> tokens = tokenList();
            StringBuilder text = new StringBuilder();
            tokens.forEach(t -> text.append(t.token()));
            answer(List.of(new Choice(0, text.toString(), null, "stop", List.of(), tokens)));
            send("Finish the sentence: the capital of France is…");
            waitFor("the reply", () -> model.state() == ChatViewModel.State.IDLE && !model.items().isEmpty()
                    && !model.items().getLast().logprobsProperty().get().isEmpty());
            pause(500);
            onFx(() -> ((ToggleButton) stage.getScene().getRoot().lookup(".chat-tokens")).setSelected(true));
            pause(500);
            onFx(() -> {
                Node token = stage.getScene().getRoot().lookupAll(".token").stream()
                        .filter(n -> n.getStyleClass().contains("token-shade-4")).findFirst().orElseThrow();
                // the first long shot, on the first line: its alternatives cover the lines under it, not the footer
                Bounds at = token.localToScreen(token.getLayoutBounds());
                new Robot().mouseMove(at.getCenterX(), at.getCenterY());
            });
            pause(1500);
        }

        private static List<TokenLogprob> tokenList() {
            Object[][] rows = {
                    {"The", -0.02, new Object[][]{{"The", -0.02}, {"Paris", -4.1}}},
                    {" capital", -0.05, new Object[][]{{" capital", -0.05}, {" city", -3.2}}},
                    {" of", -0.01, new Object[][]{}},
                    {" France", -0.01, new Object[][]{}},
                    {" is", -0.03, new Object[][]{}},
                    {" Paris", -0.004, new Object[][]{{" Paris", -0.004}, {" the", -6.0}}},
                    {",", -0.9, new Object[][]{{".", -0.55}, {",", -0.9}, {" —", -3.4}}},
                    {" a", -0.7, new Object[][]{{" a", -0.7}, {" which", -1.2}, {" the", -2.1}}},
                    {" city", -0.4, new Object[][]{{" city", -0.4}, {" place", -2.2}}},
                    {" of", -0.3, new Object[][]{{" of", -0.3}, {" known", -1.6}}},
                    {" light", -1.9, new Object[][]{{" art", -0.9}, {" lights", -1.4}, {" light", -1.9}}},
                    {",", -0.2, new Object[][]{}},
                    {" bridges", -2.1, new Object[][]{{" cafés", -1.1}, {" museums", -1.3}, {" bridges", -2.1}}},
                    {" and", -0.1, new Object[][]{}},
                    {" long", -1.3, new Object[][]{{" long", -1.3}, {" late", -1.5}, {" slow", -2.4}}},
                    {" lunches", -0.5, new Object[][]{{" lunches", -0.5}, {" walks", -1.2}}},
                    {" by", -0.9, new Object[][]{{" by", -0.9}, {" on", -1.0}}},
                    {" the", -0.1, new Object[][]{}},
                    {" river", -0.5, new Object[][]{{" river", -0.5}, {" Seine", -1.0}}},
                    {",", -0.6, new Object[][]{{",", -0.6}, {".", -0.9}}},
                    {" where", -1.2, new Object[][]{{" where", -1.2}, {" and", -1.3}}},
                    {" evenings", -2.9, new Object[][]{{" nights", -1.0}, {" days", -1.3}, {" evenings", -2.9}}},
                    {" stretch", -1.1, new Object[][]{{" stretch", -1.1}, {" last", -1.2}}},
                    {" on", -0.4, new Object[][]{}},
                    {".", -0.02, new Object[][]{}},
                    {"\n\n", -0.6, new Object[][]{{"\n\n", -0.6}, {"<|end|>", -0.8}}},
                    {"It", -0.9, new Object[][]{{"It", -0.9}, {"Paris", -1.1}}},
                    {" sits", -1.7, new Object[][]{{" lies", -0.6}, {" sits", -1.7}, {" is", -1.9}}},
                    {" on", -0.05, new Object[][]{}},
                    {" the", -0.01, new Object[][]{}},
                    {" Seine", -0.02, new Object[][]{}},
                    {".", -0.3, new Object[][]{{".", -0.3}, {",", -1.4}}},
                    {"\n\n", -0.4, new Object[][]{{"\n\n", -0.4}, {"<|end|>", -1.1}}},
                    {"Population", -3.3, new Object[][]{{"Its", -0.7}, {"About", -1.5}, {"Population", -3.3}}},
                    {":", -0.1, new Object[][]{}},
                    {" about", -0.8, new Object[][]{{" about", -0.8}, {" roughly", -1.0}}},
                    {" 2", -0.2, new Object[][]{}},
                    {".1", -0.6, new Object[][]{{".1", -0.6}, {".2", -1.2}}},
                    {" million", -0.01, new Object[][]{}},
                    {".", -0.05, new Object[][]{}},
            };
            List<TokenLogprob> tokens = new ArrayList<>();
            for (Object[] row : rows) {
                List<TokenLogprob.Top> top = new ArrayList<>();
                for (Object[] alt : (Object[][]) row[2]) top.add(new TokenLogprob.Top((String) alt[0], (Double) alt[1], null));
                tokens.add(new TokenLogprob((String) row[0], (Double) row[1], null, top));
            }
            return tokens;
        }

        private ChatSettings settings() {
            return ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("qwen3-8b")
                    .withStream(false, false);
        }

        private void send(String text) throws Exception {
            onFx(() -> {
                model.setDraft(text);
                model.send();
            });
        }

        /** Queues the server's answer holding {@code choices}, and tells the backend what it holds. */
        private void answer(List<Choice> choices) {
            ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-tour").put("object", "chat.completion")
                    .put("model", "qwen3-8b");
            ArrayNode array = body.putArray("choices");
            for (Choice choice : choices) {
                ObjectNode c = array.addObject().put("index", choice.index()).put("finish_reason", choice.finishReason());
                ObjectNode message = c.putObject("message").put("role", "assistant").put("content", choice.content());
                if (!choice.toolCalls().isEmpty()) message.set("tool_calls", JSON.valueToTree(choice.toolCalls()));
                if (!choice.logprobs().isEmpty()) c.putObject("logprobs").set("content", JSON.valueToTree(choice.logprobs()));
            }
            body.putObject("usage").put("prompt_tokens", 182).put("completion_tokens", 41).put("total_tokens", 223);
            server.enqueue(Reply.json(200, body.toString()));
            backend.expect(choices);
        }

        /** The window as it is on screen, tooltips included. */
        private void shoot(String theme, String what) throws Exception {
            Path file = out.resolve("screenshot-" + theme + "-" + what + ".png");
            BufferedImage image = call(() -> {
                Scene scene = stage.getScene();
                double x = stage.getX() + scene.getX();
                double y = stage.getY() + scene.getY();
                WritableImage shot = new Robot().getScreenCapture(null, x, y, scene.getWidth(), scene.getHeight());
                return image(shot);
            });
            ImageIO.write(image, "png", file.toFile());
            System.out.println("saved " + file);
        }

        private static BufferedImage image(WritableImage shot) {
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] argb = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, w, h, argb, 0, w);
            return image;
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

        private static void onFxQuietly(Runnable action) {
            try {
                onFx(action);
            } catch (Exception ignored) {
                // leaving anyway
            }
        }
    }
}
