package parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class MarkdownRendererTest {
    private final List<String> clicked = new ArrayList<>();
    private final MarkdownRenderer renderer = new MarkdownRenderer(clicked::add);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void headingsParagraphsAndInlineStylesBecomeStyledText() throws Exception {
        Node node = onFx(() -> renderer.render("# Title\n\nSome **bold**, *italic*, ~~gone~~ and `code`."));
        List<Text> texts = texts(node);
        assertThat(allText(node)).isEqualTo("TitleSome bold, italic, gone and code.");
        assertThat(find(texts, "Title").getParent().getStyleClass()).contains("md-heading", "md-h1");
        assertThat(find(texts, "bold").getStyleClass()).contains("md-bold");
        assertThat(find(texts, "italic").getStyleClass()).contains("md-italic");
        assertThat(find(texts, "gone").isStrikethrough()).isTrue();
        assertThat(find(texts, "code").getStyleClass()).contains("md-inline-code");
    }

    @Test
    void listsKeepTheirMarkersAndNumbers() throws Exception {
        Node bullets = onFx(() -> renderer.render("- apples\n- pears\n"));
        Node numbers = onFx(() -> renderer.render("3. three\n4. four\n"));
        assertThat(allText(bullets)).isEqualTo("•  apples•  pears");
        assertThat(allText(numbers)).isEqualTo("3.  three4.  four");
        Node loose = onFx(() -> renderer.render("1. first\n\n   more about it\n2. second\n"));
        assertThat(labels(loose)).containsExactly("1.");
        assertThat(allText(loose)).isEqualTo("1.firstmore about it2.  second");
    }

    @Test
    void aTableBecomesAGridWithAHeaderRow() throws Exception {
        Node node = onFx(() -> renderer.render("| name | price |\n|---|--:|\n| tea | 2 |\n| cake | 4 |\n"));
        assertThat(node).isInstanceOf(GridPane.class);
        GridPane grid = (GridPane) node;
        assertThat(grid.getChildren()).hasSize(6);
        assertThat(grid.getChildren().get(0).getStyleClass()).contains("md-th");
        assertThat(grid.getChildren().get(2).getStyleClass()).contains("md-td");
        assertThat(allText(grid)).isEqualTo("namepricetea2cake4");
    }

    @Test
    void aCodeBlockIsMonospaceAndItsButtonCopiesTheCode() throws Exception {
        Node node = onFx(() -> renderer.render("```python\nprint('hi')\nx = 1\n```\n"));
        assertThat(node).isInstanceOf(CodeBlockView.class);
        CodeBlockView code = (CodeBlockView) node;
        assertThat(code.code()).isEqualTo("print('hi')\nx = 1\n");
        assertThat(labels(code)).contains("python");
        Text body = texts(code).getFirst();
        assertThat(body.getStyleClass()).contains("md-code-text");
        Button copy = (Button) code.lookup(".md-code-copy");
        String copied = onFx(() -> {
            copy.fire();
            return Clipboard.getSystemClipboard().getString();
        });
        assertThat(copied).isEqualTo("print('hi')\nx = 1\n");
    }

    @Test
    void aLinkOpensNothingByItselfAndReportsAClick() throws Exception {
        Node node = onFx(() -> renderer.render("See [the docs](https://example.com/docs) now."));
        Text link = find(texts(node), "the docs");
        assertThat(link.getStyleClass()).contains("md-link");
        assertThat(clicked).isEmpty();
        onFx(() -> {
            link.fireEvent(click(link));
            return null;
        });
        assertThat(clicked).containsExactly("https://example.com/docs");
    }

    @Test
    void aRemoteImageIsNeverFetched() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/logo.png";
            String markdown = "![the logo](" + url + ")\n\n<img src=\"" + url + "\">\n\nInline <img src=\"" + url + "\"> too.";
            Node node = onFx(() -> renderer.render(markdown));
            onFx(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(node), 400, 300));
                stage.show();
                return null;
            });
            WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(hits.get()).isZero();
            assertThat(imageViews(node)).isZero();
            assertThat(allText(node)).contains("[image: the logo] " + url).contains("<img src=");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rawHtmlIsShownAsText() throws Exception {
        Node node = onFx(() -> renderer.render("<script>alert(1)</script>\n"));
        assertThat(allText(node)).contains("<script>alert(1)</script>");
    }

    static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    static MouseEvent click(Node target) {
        return new MouseEvent(MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, true, null);
    }

    static List<Text> texts(Node node) {
        List<Text> found = new ArrayList<>();
        walk(node, n -> { if (n instanceof Text t) found.add(t); });
        return found;
    }

    static List<String> labels(Node node) {
        List<String> found = new ArrayList<>();
        walk(node, n -> { if (n instanceof Label l) found.add(l.getText()); });
        return found;
    }

    static int imageViews(Node node) {
        int[] count = {0};
        walk(node, n -> { if (n instanceof ImageView) count[0]++; });
        return count[0];
    }

    /** The text of every Text node and label, in order, without the code block's controls. */
    static String allText(Node node) {
        StringBuilder out = new StringBuilder();
        walk(node, n -> {
            if (n instanceof Text t && !(t.getParent() instanceof Labeled) && !isControlText(t)) out.append(t.getText());
            if (n instanceof Label l && !l.getStyleClass().contains("md-code-lang")) out.append(l.getText());
        });
        return out.toString();
    }

    private static boolean isControlText(Text t) {
        for (Parent p = t.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled) return true;
        }
        return false;
    }

    static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Labeled) return;
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) walk(child, visit);
        }
    }

    private static Text find(List<Text> texts, String content) {
        return texts.stream().filter(t -> t.getText().equals(content)).findFirst().orElseThrow(
                () -> new AssertionError("no text '" + content + "' in " + texts.stream().map(Text::getText).toList()));
    }
}
