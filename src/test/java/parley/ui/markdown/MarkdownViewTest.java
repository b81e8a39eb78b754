package parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.ui.markdown.MarkdownRendererTest.allText;
import static parley.ui.markdown.MarkdownRendererTest.onFx;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class MarkdownViewTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(url -> {});

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aFloodShowsItsEndAtOnceAndBuildsTheRestInOrderOverLaterFrames() throws Exception {
        StringBuilder markdown = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            markdown.append("Paragraph number ").append(i).append(" with **some** words.\n\n");
            plain.append("Paragraph number ").append(i).append(" with some words.");
        }
        markdown.append("The open end");
        plain.append("The open end");
        MarkdownView view = onFx(() -> shown(new MarkdownView(renderer)));

        // One call on the JavaFX thread, so no frame renders part of the backlog in between.
        onFx(() -> {
            view.append(markdown.toString());
            assertThat(view.caughtUp()).as("3000 blocks do not fit in one frame's budget").isFalse();
            assertThat(allText(view)).as("the newest text is rendered at once")
                    .endsWith("Paragraph number 3000 with some words.The open end");
            Backlog backlog = (Backlog) view.getChildren().getFirst();
            assertThat(backlog.prefHeight(600)).as("the backlog holds the place of its blocks")
                    .isGreaterThan(backlog.size() * 20.0);
            return null;
        });

        // While the backlog is built, the reply keeps its height: the text below it does not move.
        WaitForAsyncUtils.waitForFxEvents();
        double height = onFx(() -> view.getHeight());
        for (int frame = 0; frame < 5 && !onFx(view::caughtUp); frame++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
            if (onFx(view::caughtUp)) break;
            assertThat(onFx(() -> view.getHeight())).as("height while catching up").isCloseTo(height,
                    org.assertj.core.data.Offset.offset(1.0));
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(view::caughtUp));
        assertThat(onFx(() -> allText(view))).isEqualTo(plain.toString());
        assertThat(onFx(() -> view.getChildren().stream().noneMatch(Backlog.class::isInstance))).isTrue();
        assertThat(onFx(() -> view.getChildren().size())).as("blocks are kept in sections, not in one flat list")
                .isLessThanOrEqualTo(3001 / MarkdownView.SECTION_SIZE + 3);
    }

    @Test
    void streamedTextArrivesBlockByBlockAndEndsAsOne() throws Exception {
        MarkdownView view = onFx(() -> shown(new MarkdownView(renderer)));
        String text = "# Title\n\nFirst para.\n\n- one\n- two\n\n```java\nint x = 1;\n```\n\nLast words";
        for (int i = 0; i < text.length(); i += 5) {
            String piece = text.substring(i, Math.min(text.length(), i + 5));
            onFx(() -> { view.append(piece); return null; });
        }
        onFx(() -> { view.finish(); return null; });
        assertThat(onFx(view::caughtUp)).isTrue();
        assertThat(onFx(() -> allText(view))).contains("Title", "First para.", "•  one", "•  two", "int x = 1;")
                .endsWith("Last words");
    }

    @Test
    void onlyTheBlocksInTheGivenRangeStayVisible() throws Exception {
        StringBuilder markdown = new StringBuilder();
        for (int i = 1; i <= 200; i++) markdown.append("Paragraph ").append(i).append(".\n\n");
        MarkdownView streamed = onFx(() -> shown(new MarkdownView(renderer)));
        onFx(() -> { streamed.append(markdown.toString()); streamed.finish(); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(streamed::caughtUp));
        MarkdownView whole = onFx(() -> shown(new MarkdownView(renderer)));
        onFx(() -> { whole.setText(markdown.toString()); return null; });
        WaitForAsyncUtils.waitForFxEvents();

        for (MarkdownView view : List.of(streamed, whole)) {
            double height = onFx(() -> view.getHeight());
            onFx(() -> { view.showOnly(height / 2, height / 2 + 300); return null; });
            List<String> visible = onFx(() -> visibleParagraphs(view));
            assertThat(visible).as("a range of 300 px in the middle").isNotEmpty().hasSizeLessThan(40)
                    .doesNotContain("Paragraph 1.", "Paragraph 200.");
            onFx(() -> { view.showOnly(height - 100, height); return null; });
            assertThat(onFx(() -> visibleParagraphs(view))).contains("Paragraph 200.").doesNotContainAnyElementsOf(visible);
            assertThat(onFx(() -> allText(view))).as("hidden blocks keep their text and place").contains("Paragraph 100.");
            assertThat(onFx(() -> view.getHeight())).isEqualTo(height);
        }
    }

    /** The text of the paragraphs that are drawn: visible, with every parent up to the view. */
    private static List<String> visibleParagraphs(MarkdownView view) {
        return view.lookupAll(".md-paragraph").stream().filter(node -> {
            for (javafx.scene.Node n = node; n != view; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        }).map(MarkdownRendererTest::allText).toList();
    }

    private static MarkdownView shown(MarkdownView view) {
        Stage stage = new Stage();
        ScrollPane scroller = new ScrollPane(view);
        scroller.setFitToWidth(true);
        stage.setScene(new Scene(scroller, 600, 400));
        stage.show();
        return view;
    }
}
