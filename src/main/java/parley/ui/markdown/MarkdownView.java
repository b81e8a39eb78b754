package parley.ui.markdown;

import java.util.List;
import javafx.scene.Node;

/**
 * Markdown shown as nodes, fed whole or as a stream. While streaming, each finished block is
 * rendered once and appended; only the open (last) block is rendered again, so the cost of an
 * {@link #append} does not grow with the length of the text.
 */
public final class MarkdownView extends BlockColumn {
    private final MarkdownRenderer renderer;
    private final BlockSplitter splitter = new BlockSplitter();
    private Node openNode;
    private boolean streaming;

    public MarkdownView(MarkdownRenderer renderer) {
        super(8);
        this.renderer = renderer;
        getStyleClass().add("md-view");
    }

    /** Shows this text, rendered as a whole (no stream). */
    public void setText(String markdown) {
        splitter.reset();
        streaming = false;
        openNode = null;
        getChildren().clear();
        if (!markdown.isEmpty()) getChildren().add(renderer.render(markdown));
    }

    /** Adds streamed text. Call at most once per frame with all text that arrived since the last call. */
    public void append(String text) {
        if (!streaming) {
            setText("");
            streaming = true;
        }
        List<String> finished = splitter.append(text);
        removeOpen();
        for (String block : finished) getChildren().add(renderer.render(block));
        String open = splitter.openBlock();
        if (!open.isBlank()) {
            openNode = renderer.render(open);
            getChildren().add(openNode);
        }
    }

    /** The stream ended: the open block becomes the last finished one. */
    public void finish() {
        if (!streaming) return;
        streaming = false;
        openNode = null;
        splitter.reset();
    }

    private void removeOpen() {
        if (openNode != null) {
            getChildren().remove(getChildren().size() - 1);
            openNode = null;
        }
    }
}
