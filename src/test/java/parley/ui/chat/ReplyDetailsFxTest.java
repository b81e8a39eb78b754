package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatClient;
import parley.api.Choice;
import parley.api.ClientConfig;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.api.TokenLogprob;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.UiThread;

/**
 * What a reply carries besides its text, in the real transcript on Monocle against the scripted
 * server: tool-call cards and the tool loop, choices side by side, the token inspector, the check of
 * a JSON reply, and the composer's context warning.
 */
class ReplyDetailsFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedServer server;
    private AnswerChoices backend;
    private ChatService service;
    private ChatViewModel model;

    @BeforeEach
    void show() throws Exception {
        server = ScriptedServer.start();
        backend = new AnswerChoices(new ChatClient(ClientConfig.of(server.baseUrl(), "sk-test")));
        service = new ChatService(settings -> backend, request -> { });
        service.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("test-model")
                .withStream(false, false));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new ChatViewModel(service, UiThread.FX);
            Scene scene = new Scene(new ChatView(model), 1000, 800);
            scene.getStylesheets().add(ChatView.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        service.stop();
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void twoToolCallsShowTwoCardsAndTheirResultsGoBackOnTheWire() throws Exception {
        JsonNode weatherSchema = JSON.readTree("""
                {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        useSettings(service.settings().withExtended(ExtendedParameters.NONE.withTools(List.of(
                Tool.function("get_weather", "The weather in a city", weatherSchema),
                Tool.function("get_time", "The time in a zone", null)), null, null)));
        Choice calls = new Choice(0, null, null, "tool_calls", List.of(
                ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.of("call_2", "get_time", "{\"zone\": \"Europe/Par")), List.of());
        answer(List.of(calls));

        send("Weather and time in Paris?");
        waitUntil(() -> lookup(".tool-call").queryAll().size() == 2);
        List<Node> cards = List.copyOf(lookup(".tool-call").queryAll());
        assertThat(flag(cards.get(0))).isEqualTo("matches the schema");
        assertThat(flag(cards.get(1))).isEqualTo("not valid JSON");
        assertThat(area(cards.get(1), ".tool-call-arguments").getText())
                .as("broken arguments are shown as they came").isEqualTo("{\"zone\": \"Europe/Par");
        assertThat(area(cards.get(0), ".tool-call-arguments").getText()).contains("\"city\" : \"Paris\"");

        clickOn(".tool-calls-send");
        assertThat(problem()).isEqualTo("Type a result for call 1 (get_weather), or paste one.");
        interact(() -> area(cards.get(0), ".tool-call-result").setText("18 °C, sunny"));
        interact(() -> area(cards.get(1), ".tool-call-result").setText("14:05"));
        clickOn(".tool-calls-send");
        assertThat(problem()).startsWith("The arguments of call 2 (get_time) are not valid JSON");
        assertThat(server.requestCount()).as("nothing sent with broken arguments").isEqualTo(1);

        interact(() -> area(cards.get(1), ".tool-call-arguments").setText("{\"zone\": \"Europe/Paris\"}"));
        assertThat(flag(cards.get(1))).isEqualTo("JSON");
        answer(List.of(new Choice(0, "It is 18 °C and sunny in Paris, at 14:05.", null, "stop", List.of(), List.of())));
        clickOn(".tool-calls-send");
        assertThat(problem()).isEmpty();
        assertThat(model.noticeProperty().get()).isEmpty();

        server.takeRequest(5, TimeUnit.SECONDS);
        var second = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(second).as(service.conversation().messages().toString()).isNotNull();
        JsonNode messages = JSON.readTree(second.bodyText()).get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
        JsonNode assistant = messages.get(1);
        assertThat(assistant.get("role").asText()).isEqualTo("assistant");
        assertThat(assistant.get("tool_calls")).hasSize(2);
        assertThat(assistant.get("tool_calls").get(0).get("id").asText()).isEqualTo("call_1");
        assertThat(assistant.get("tool_calls").get(0).get("function").get("arguments").asText())
                .as("unedited arguments go back as the model sent them").isEqualTo("{\"city\":\"Paris\"}");
        assertThat(assistant.get("tool_calls").get(1).get("function").get("arguments").asText())
                .isEqualTo("{\"zone\":\"Europe/Paris\"}");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("18 °C, sunny");
        assertThat(messages.get(3).get("tool_call_id").asText()).isEqualTo("call_2");
        assertThat(messages.get(3).get("content").asText()).isEqualTo("14:05");

        waitUntil(() -> ChatViewFxTest.text(lastReply()).contains("It is 18 °C and sunny in Paris"));
        assertThat(lookup(".tool-calls-sent").queryAs(Label.class).isVisible()).isTrue();
        assertThat(area(cards.get(0), ".tool-call-result").isEditable()).as("sent results stay as they went").isFalse();
    }

    @Test
    void threeChoicesSideBySideAndTheSecondIsTheOneTheConversationContinuesWith() throws Exception {
        useSettings(service.settings().withExtended(ExtendedParameters.NONE.withN(3)));
        answer(List.of(
                new Choice(0, "First answer", null, "stop", List.of(), List.of()),
                new Choice(1, "Second answer", null, "stop", List.of(), List.of()),
                new Choice(2, "Third answer", null, "length", List.of(), List.of())));
        send("Say something");
        waitUntil(() -> lookup(".choice").queryAll().size() == 3);
        List<Node> columns = List.copyOf(lookup(".choice").queryAll());
        assertThat(ChatViewFxTest.text(columns.get(1))).contains("Second answer");
        assertThat(((Label) columns.get(2).lookup(".choice-title")).getText()).isEqualTo("Choice 3 · length");

        clickOn(columns.get(1).lookup(".choice-continue"));
        assertThat(((Button) columns.get(1).lookup(".choice-continue")).getText()).isEqualTo("Continuing with this one");
        assertThat(columns.get(1).getStyleClass()).contains("choice-chosen");

        answer(List.of(new Choice(0, "Because.", null, "stop", List.of(), List.of())));
        send("Why?");
        server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode messages = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).bodyText()).get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("Second answer");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("Why?");
    }

    @Test
    void theTokenInspectorShadesEachTokenAndShowsItsAlternativesOnHover() throws Exception {
        useSettings(service.settings().withExtended(ExtendedParameters.NONE.withLogprobs(true, 2)));
        List<TokenLogprob> tokens = List.of(
                new TokenLogprob("Paris", -0.01, null, List.of(new TokenLogprob.Top("Paris", -0.01, null))),
                new TokenLogprob(" is", -1.6, null, List.of(new TokenLogprob.Top(" is", -1.6, null),
                        new TokenLogprob.Top(" was", Math.log(0.15), null))),
                new TokenLogprob(" lovely", -3.0, null, List.of()));
        answer(List.of(new Choice(0, "Paris is lovely", null, "stop", List.of(), tokens)));
        send("Describe Paris in three words");
        waitUntil(() -> lastReply() != null && lastReply().lookup(".chat-tokens") != null);
        assertThat(((Label) lastReply().lookup(".chat-footer")).getText()).contains("mean logprob −1.537", "perplexity 4.65");

        clickOn(lastReply().lookup(".chat-tokens"));
        assertThat(((ToggleButton) lastReply().lookup(".chat-tokens")).isSelected()).isTrue();
        List<Label> shown = lastReply().lookupAll(".token").stream().map(Label.class::cast).toList();
        assertThat(shown).extracting(Label::getText).containsExactly("Paris", " is", " lovely");
        assertThat(shown.get(0).getStyleClass()).contains("token-shade-0");
        assertThat(shown.get(1).getStyleClass()).contains("token-shade-3");
        assertThat(shown.get(2).getStyleClass()).contains("token-shade-4");

        moveTo(shown.get(1));
        waitUntil(() -> shown.get(1).getTooltip() != null);
        assertThat(shown.get(1).getTooltip().getText()).isEqualTo("""
                “ is”  20.2%  (logprob -1.600)
                Alternatives:
                  “ is”  20.2%
                  “ was”  15.0%""");

        clickOn(lastReply().lookup(".chat-tokens"));
        assertThat(lastReply().lookupAll(".token")).as("back to the rendered reply").isEmpty();
    }

    @Test
    void aReplyAskedForWithASchemaShowsEachViolationWithItsPath() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type":"object","properties":{"temp":{"type":"integer"},"unit":{"enum":["C","F"]}},
                 "required":["temp","unit"],"additionalProperties":false}""");
        useSettings(service.settings().withExtended(ExtendedParameters.NONE
                .withResponseFormat(ResponseFormat.jsonSchema("weather", schema, true))));
        answer(List.of(new Choice(0, "{\"temp\": \"warm\", \"unit\": \"C\"}", null, "stop", List.of(), List.of())));
        send("The weather as JSON");
        waitUntil(() -> lastReply() != null && lastReply().lookup(".output-check") != null);
        Node check = lastReply().lookup(".output-check");
        assertThat(check.getStyleClass()).contains("output-check-invalid");
        assertThat(((Label) check.lookup(".output-check-headline")).getText()).isEqualTo("JSON schema “weather”: 1 problem");
        assertThat(check.lookupAll(".output-check-problem")).extracting(n -> ((Label) n).getText())
                .containsExactly("$.temp: string found, integer expected");

        answer(List.of(new Choice(0, "{\"temp\": 18, \"unit\": \"C\"}", null, "stop", List.of(), List.of())));
        send("Again");
        waitUntil(() -> lookup(".output-check").queryAll().size() == 2);
        Node valid = lastReply().lookup(".output-check");
        assertThat(((Label) valid.lookup(".output-check-headline")).getText()).isEqualTo("JSON schema “weather”: valid");
        assertThat(valid.getStyleClass()).contains("output-check-valid");
    }

    @Test
    void thePlainReplyBuildsNoneOfTheDetails() throws Exception {
        answer(List.of(new Choice(0, "Just text.", null, "stop", List.of(), List.of())));
        send("Hello");
        waitUntil(() -> lastReply() != null && ChatViewFxTest.text(lastReply()).contains("Just text."));
        waitUntil(() -> !((Label) lastReply().lookup(".chat-footer")).getText().isEmpty());
        assertThat(lastReply().lookup(".tool-calls")).isNull();
        assertThat(lastReply().lookup(".choices")).isNull();
        assertThat(lastReply().lookup(".chat-tokens")).isNull();
        assertThat(lastReply().lookup(".output-check")).isNull();
    }

    @Test
    void theComposerShowsTheContextWarning() throws Exception {
        interact(() -> model.showContextWarning("The conversation (≈ 90 tokens) plus max_tokens 64 passes m's context"
                + " of 100 tokens: cut about 54 tokens from the conversation or lower max_tokens."));
        Label warning = lookup(".chat-context-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).contains("cut about 54 tokens");
        interact(() -> model.showContextWarning(""));
        assertThat(warning.isVisible()).isFalse();
    }

    private void useSettings(ChatSettings settings) {
        service.setSettings(settings);
    }

    /** Queues the server's answer holding {@code choices}, and tells the backend what it holds. */
    private void answer(List<Choice> choices) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "test-model");
        ArrayNode array = body.putArray("choices");
        for (Choice choice : choices) {
            ObjectNode c = array.addObject().put("index", choice.index()).put("finish_reason", choice.finishReason());
            ObjectNode message = c.putObject("message").put("role", "assistant").put("content", choice.content());
            if (!choice.toolCalls().isEmpty()) message.set("tool_calls", JSON.valueToTree(choice.toolCalls()));
            if (!choice.logprobs().isEmpty()) c.putObject("logprobs").set("content", JSON.valueToTree(choice.logprobs()));
        }
        body.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 9).put("total_tokens", 21);
        server.enqueue(Reply.json(200, body.toString()));
        backend.expect(choices);
    }

    private void send(String text) {
        interact(() -> {
            model.setDraft(text);
            model.send();
        });
    }

    private Node lastReply() {
        Set<Node> cards = lookup(".chat-card-assistant").queryAll();
        return cards.isEmpty() ? null : cards.stream().reduce((a, b) -> b).orElseThrow();
    }

    private static String flag(Node card) {
        return ((Label) card.lookup(".tool-call-flag")).getText();
    }

    private static TextArea area(Node card, String style) {
        return (TextArea) card.lookup(style);
    }

    private String problem() {
        return lookup(".tool-calls-problem").queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
