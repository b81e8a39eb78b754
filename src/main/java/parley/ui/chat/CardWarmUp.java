package parley.ui.chat;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import parley.ui.markdown.BlockColumn;
import parley.ui.markdown.MarkdownRenderer;

/** The transcript's warm-up: a sample question and reply built and laid out once, never drawn. */
final class CardWarmUp {
    private static final String WARM_UP_SAMPLE = """
            ## Heading

            A paragraph with **bold**, *italic*, `code` and a [link](https://example.com).

            - one
            - two

            1. first

            > quoted

            | a | b |
            | --- | --- |
            | 1 | 2 |

            ```java
            int x = 1;
            ```

            Open text""";

    private CardWarmUp() {}

    /**
     * Once, after the view is first shown: builds a sample question and a streaming sample reply,
     * styles and lays them out in the transcript and takes them away again in the same step (they
     * are never drawn), so the first real send does not wait for the classes of the cards and the
     * Markdown to load and their styles to be matched.
     */
    static void run(BlockColumn transcript, ChatViewModel model, MarkdownRenderer renderer, Consumer<String> copy) {
        MessageItem question = new MessageItem("warm-up-question", "user");
        MessageItem answer = new MessageItem("warm-up-answer", "assistant");
        answer.setStatus(MessageItem.Status.STREAMING);
        List<Node> samples = List.of(new MessageCard(question, model, renderer, copy),
                new MessageCard(answer, model, renderer, copy));
        answer.appendReasoning("Thinking it over.");
        answer.appendContent(WARM_UP_SAMPLE);
        transcript.getChildren().addAll(samples);
        double width = Math.max(400, transcript.getWidth());
        for (Node node : samples) {
            node.applyCss();
            node.resize(width, node.prefHeight(width));
            ((Parent) node).layout();
        }
        transcript.getChildren().removeAll(samples);
    }
}
