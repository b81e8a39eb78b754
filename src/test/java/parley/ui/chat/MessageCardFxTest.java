package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ApiError;
import parley.chat.ChatService;
import parley.ui.UiThread;
import parley.ui.markdown.MarkdownRenderer;

/** A card builds its reasoning and error sections only once the message has them. */
class MessageCardFxTest {
    private final ChatViewModel model = new ChatViewModel(
            new ChatService(settings -> new ManualBackend(), request -> {}), UiThread.DIRECT, FrameClock.immediate());
    private final MarkdownRenderer renderer = new MarkdownRenderer(url -> {});

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void reasoningThatStreamsInGetsASectionOpenUntilTheAnswerBegins() throws Exception {
        MessageItem item = new MessageItem("a", "assistant");
        item.setStatus(MessageItem.Status.STREAMING);
        MessageCard card = fx(() -> new MessageCard(item, model, renderer, text -> {}));
        assertThat(card.lookup(".chat-reasoning")).as("no reasoning, no section").isNull();
        assertThat(card.lookup(".chat-error")).isNull();

        fx(() -> { item.appendReasoning("Let me think. "); item.appendReasoning("Done thinking."); return null; });
        TitledPane pane = (TitledPane) card.lookup(".chat-reasoning");
        assertThat(pane.isExpanded()).isTrue();
        assertThat(ChatViewFxTest.text(card)).contains("Let me think. Done thinking.");

        fx(() -> { item.appendContent("The answer."); return null; });
        assertThat(pane.isExpanded()).as("folded once the answer begins").isFalse();
        assertThat(card.getChildren().indexOf(pane)).as("right below the header").isEqualTo(1);
    }

    @Test
    void aLoadedMessageWithReasoningAndAnErrorShowsBothAtOnce() throws Exception {
        MessageItem item = new MessageItem("b", "assistant");
        fx(() -> {
            item.setText("Partial answer", "Earlier reasoning");
            item.setError(new ApiError(ApiError.Kind.SERVER, 500, "server_error", "The model crashed"));
            return null;
        });
        MessageCard card = fx(() -> new MessageCard(item, model, renderer, text -> {}));
        TitledPane pane = (TitledPane) card.lookup(".chat-reasoning");
        assertThat(pane.isExpanded()).as("a finished message's reasoning starts folded").isFalse();
        assertThat(ChatViewFxTest.text(card)).contains("Earlier reasoning", "Partial answer");
        assertThat(card.lookup(".chat-error").isVisible()).isTrue();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
