package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.api.RequestValidator;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.UiThread;

/** The real transcript view on Monocle, against a scripted server on loopback. */
class ChatViewFxTest extends FxRobot {
    private ScriptedServer server;
    private ChatService service;
    private ChatViewModel model;

    @BeforeEach
    void show() throws Exception {
        server = ScriptedServer.start();
        service = new ChatService(settings -> new ChatClient(ClientConfig.of(server.baseUrl(), "sk-test")),
                request -> {
                    List<String> problems = RequestValidator.problems(request);
                    if (!problems.isEmpty()) throw new IllegalArgumentException(problems.getFirst());
                });
        service.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("test-model"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new ChatViewModel(service, UiThread.FX);
            stage.setScene(new Scene(new ChatView(model), 900, 700));
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
    void typedMessageIsSentWithCtrlEnterAndTheReasoningAndReplyStreamIn() throws Exception {
        server.enqueue(Reply.stream()
                .events(chunk("reasoning_content", "Thinking it over."))
                .pause(2000)
                .events(chunk("content", "Hello "))
                .pause(400)
                .events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"**world**\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}")
                .send("data: [DONE]\n\n"));

        clickOn(".chat-composer").write("Say hello");
        press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        ScriptedServer.Recorded request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.bodyText()).contains("\"model\":\"test-model\"", "Say hello");
        assertThat(lookup(".chat-composer").queryAs(TextArea.class).getText()).isEmpty();

        waitUntil(() -> reply() != null && text(reply()).contains("Thinking it over."));
        TitledPane reasoning = (TitledPane) reply().lookup(".chat-reasoning");
        assertThat(text(reply())).doesNotContain("Hello");
        assertThat(reasoning.isExpanded()).as("reasoning open while it streams").isTrue();
        assertThat(lookup(".chat-stop").queryButton().isVisible()).isTrue();

        waitUntil(() -> text(reply()).contains("Hello"));
        assertThat(reasoning.isExpanded()).as("reasoning folds once the answer begins").isFalse();

        waitUntil(() -> text(reply()).contains("Hello world") && !footer(reply()).isEmpty());
        assertThat(boldTexts(reply())).contains("world");
        assertThat(footer(reply())).contains("test-model", "5 in", "7 out", "stop");
        assertThat(lookup(".chat-send").queryButton().isVisible()).isTrue();

        clickOn(reasoning.lookup(".title"));
        assertThat(reasoning.isExpanded()).as("reasoning can be reopened").isTrue();
        assertThat(text(reasoning)).contains("Thinking it over.");
    }

    @Test
    void stopKeepsThePartialReplyMarkedStopped() throws Exception {
        server.enqueue(Reply.stream().events(chunk("content", "A partial answer")).stall());
        interact(() -> {
            model.setDraft("Tell me everything");
            model.send();
        });
        waitUntil(() -> reply() != null && text(reply()).contains("A partial answer"));
        assertThat(lookup(".chat-stop").queryButton().isVisible()).isTrue();

        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        waitUntil(() -> "stopped".equals(mark(reply())));
        assertThat(text(reply())).contains("A partial answer");
        assertThat(lookup(".chat-send").queryButton().isVisible()).isTrue();
        assertThat(model.state()).isEqualTo(ChatViewModel.State.IDLE);
    }

    @Test
    void a401ShowsTheProvidersMessageInlineWithRetry() throws Exception {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-te***\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        clickOn(".chat-composer").write("Hello");
        clickOn(".chat-send");

        waitUntil(() -> reply() != null && reply().lookup(".chat-error") != null && reply().lookup(".chat-error").isVisible());
        String error = ((Label) reply().lookup(".chat-error-text")).getText();
        assertThat(error).contains("401", "Incorrect API key provided");
        assertThat(mark(reply())).isEqualTo("error");
        Button retry = (Button) reply().lookup(".chat-retry");
        assertThat(retry.isVisible()).isTrue();

        server.enqueue(Reply.sse(chunk("content", "Now it works")));
        clickOn(retry);
        waitUntil(() -> reply() != null && text(reply()).contains("Now it works"));
        assertThat(lookup(".chat-card-user").queryAll()).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aLinkAsksBeforeAnythingOpens() throws Exception {
        server.enqueue(Reply.sse(chunk("content", "Read [the guide](https://example.com/guide).")));
        interact(() -> {
            model.setDraft("Link please");
            model.send();
        });
        waitUntil(() -> reply() != null && text(reply()).contains("the guide") && !footer(reply()).isEmpty());
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatView view = lookup(".chat-view").query();
        interact(() -> view.setLinkOpener(opened::add));
        Text link = reply().lookupAll(".md-link").stream().map(Text.class::cast).findFirst().orElseThrow();
        clickOn(link);
        waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(opened).isEmpty();
        clickOn("Open");
        waitUntil(() -> !opened.isEmpty());
        assertThat(opened).containsExactly("https://example.com/guide");
    }

    @Test
    void shortcutsRegenerateAndStartANewChatAndSelectShowsTheRawText() throws Exception {
        server.enqueue(Reply.sse(chunk("content", "First **answer**")));
        server.enqueue(Reply.sse(chunk("content", "Second answer")));
        interact(() -> {
            model.setDraft("Question");
            model.send();
        });
        waitUntil(() -> reply() != null && !footer(reply()).isEmpty());

        clickOn(reply().lookup(".chat-action"));
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .as("Copy puts the message as written on the clipboard").isEqualTo("First **answer**");
        Button select = (Button) reply().lookup(".chat-select");
        clickOn(select);
        TextArea raw = (TextArea) reply().lookup(".chat-selectable");
        assertThat(raw.getText()).isEqualTo("First **answer**");
        assertThat(raw.isEditable()).isFalse();
        clickOn(select);
        assertThat(reply().lookup(".chat-selectable")).isNull();
        assertThat(text(reply())).contains("First answer");

        press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> reply() != null && text(reply()).contains("Second answer") && !footer(reply()).isEmpty());
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(lookup(".chat-card").queryAll()).hasSize(2);

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup(".chat-card").queryAll().isEmpty());
        assertThat(service.conversation().messages()).isEmpty();
    }

    @Test
    void onlyTheCardsAndBlocksInViewAreDrawn() throws Exception {
        StringBuilder longReply = new StringBuilder();
        for (int i = 1; i <= 300; i++) longReply.append("Paragraph ").append(i).append(" of the reply.\\n\\n");
        server.enqueue(Reply.sse(chunk("content", longReply.toString())));
        interact(() -> {
            model.setDraft("Question");
            model.send();
        });
        waitUntil(() -> reply() != null && !footer(reply()).isEmpty());
        ScrollPane scroller = lookup(".chat-scroller").queryAs(ScrollPane.class);
        Node question = lookup(".chat-card-user").query();

        interact(() -> scroller.setVvalue(scroller.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(question.isVisible()).as("the question, scrolled out of view").isFalse();
        assertThat(drawn(paragraph("Paragraph 300 "))).isTrue();
        assertThat(drawn(paragraph("Paragraph 1 "))).isFalse();

        interact(() -> scroller.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(question.isVisible()).isTrue();
        assertThat(drawn(paragraph("Paragraph 1 "))).isTrue();
        assertThat(drawn(paragraph("Paragraph 300 "))).as("the end, now out of view").isFalse();
        assertThat(text(reply())).as("hidden blocks keep their text").contains("Paragraph 150 of the reply.");

        clickOn(question.lookupAll(".chat-action").stream()
                .filter(n -> ((Button) n).getText().equals("Edit")).findFirst().orElseThrow());
        TextArea editing = (TextArea) question.lookup(".chat-edit-area");
        write(" and more");
        interact(() -> scroller.setVvalue(scroller.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(question.isVisible()).as("the message being edited, scrolled out of view").isTrue();
        assertThat(editing.isFocused()).as("and what the user types still goes there").isTrue();
        assertThat(editing.getText()).isEqualTo("Question and more");
    }

    @Test
    void theTranscriptFollowsTheStreamUntilTheUserScrollsUp() throws Exception {
        Reply stream = Reply.stream();
        for (int i = 1; i <= 120; i++) {
            stream.events(chunk("content", "Paragraph " + i + " of a long answer.\\n\\n")).pause(15);
        }
        server.enqueue(stream.pause(3000).events(chunk("content", "The end.")).send("data: [DONE]\n\n"));
        ScrollPane scroller = lookup(".chat-scroller").queryAs(ScrollPane.class);
        interact(() -> {
            model.setDraft("Question");
            model.send();
        });
        waitUntil(() -> reply() != null && text(reply()).contains("Paragraph 120 "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawn(paragraph("Paragraph 120 "))).as("the newest text is in view").isTrue();
        assertThat(scroller.getVvalue()).isEqualTo(scroller.getVmax());

        interact(() -> scroller.setVvalue(0.2)); // the user scrolls up to read
        waitUntil(() -> text(reply()).contains("The end."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scroller.getVvalue()).as("the transcript stays where the user left it").isLessThan(0.5);
        assertThat(drawn(paragraph("The end."))).isFalse();
    }

    private Node paragraph(String start) {
        return reply().lookupAll(".md-paragraph").stream().filter(n -> text(n).startsWith(start)).findFirst().orElseThrow();
    }

    /** Whether the node and all its parents are visible, so JavaFX draws it. */
    private static boolean drawn(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    private static String chunk(String field, String value) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"" + field + "\":\"" + value + "\"}}]}";
    }

    private Node reply() {
        Set<Node> cards = lookup(".chat-card-assistant").queryAll();
        return cards.isEmpty() ? null : cards.stream().reduce((a, b) -> b).orElseThrow();
    }

    private static String footer(Node card) {
        return ((Label) card.lookup(".chat-footer")).getText();
    }

    private static String mark(Node card) {
        return ((Label) card.lookup(".chat-mark")).getText();
    }

    private static List<String> boldTexts(Node card) {
        return card.lookupAll(".md-bold").stream().map(n -> ((Text) n).getText()).toList();
    }

    /** The text of the card's Markdown and reasoning, without its buttons and labels. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof TitledPane pane) {
            if (pane.getContent() != null) collect(pane.getContent(), out);
            return;
        }
        if (node instanceof Labeled) return;
        if (node instanceof Text t) out.append(t.getText());
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, out);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
