package parley.ui.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * Markdown shown as nodes, fed whole or as a stream. While streaming, each finished block is
 * rendered once and appended; only the open (last) block is rendered again, so the cost of an
 * {@link #append} does not grow with the length of the text. When more finished blocks arrive at
 * once than fit in a few milliseconds (a flood), the rest are rendered over the next frames (at least
 * an eighth of the backlog each), so no single frame stalls the window for long.
 */
public final class MarkdownView extends BlockColumn {
    private static final long FRAME_BUDGET_NANOS = 10_000_000;
    /** However slow the machine, a frame renders at least this share of the backlog, so it clears in a few frames. */
    private static final int BACKLOG_SHARE = 8;

    private final MarkdownRenderer renderer;
    private final BlockSplitter splitter = new BlockSplitter();
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private final AnimationTimer catchUp = new AnimationTimer() {
        @Override
        public void handle(long now) {
            renderPending();
        }
    };
    private String openText = "";
    private Node openNode;
    private boolean streaming;

    public MarkdownView(MarkdownRenderer renderer) {
        super(8);
        this.renderer = renderer;
        getStyleClass().add("md-view");
    }

    /** Shows this text, rendered as a whole (no stream). */
    public void setText(String markdown) {
        catchUp.stop();
        pending.clear();
        splitter.reset();
        streaming = false;
        openText = "";
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
        pending.addAll(finished);
        openText = splitter.openBlock();
        renderPending();
    }

    /** The stream ended: the open block becomes the last finished one. */
    public void finish() {
        if (!streaming) return;
        streaming = false;
        splitter.reset();
    }

    /** True when everything appended so far is on the screen (no blocks wait for a later frame). */
    public boolean caughtUp() {
        return pending.isEmpty();
    }

    private void renderPending() {
        if (!pending.isEmpty()) {
            removeOpen();
            long deadline = System.nanoTime() + FRAME_BUDGET_NANOS;
            int atLeast = Math.max(1, pending.size() / BACKLOG_SHARE);
            List<Node> blocks = new ArrayList<>();
            do {
                blocks.add(renderer.render(pending.poll()));
            } while (!pending.isEmpty() && (blocks.size() < atLeast || System.nanoTime() < deadline));
            getChildren().addAll(blocks);
        }
        if (pending.isEmpty()) {
            catchUp.stop();
            showOpen();
        } else {
            catchUp.start();
        }
    }

    private void showOpen() {
        removeOpen();
        if (!openText.isBlank()) {
            openNode = renderer.render(openText);
            getChildren().add(openNode);
        }
    }

    private void removeOpen() {
        if (openNode != null) {
            getChildren().remove(getChildren().size() - 1);
            openNode = null;
        }
    }
}
