package parley.ui.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Markdown shown as nodes, fed whole or as a stream. While streaming, each finished block is
 * rendered once and appended; only the open (last) block is rendered again, so the cost of an
 * {@link #append} does not grow with the length of the text. Blocks are kept in sections of at most
 * {@link #SECTION_SIZE}: JavaFX walks every child of a parent whose last child changes, so a flat
 * column of thousands of blocks made each frame of a long reply slower than the last.
 *
 * <p>When more finished blocks arrive at once than can be rendered in a few milliseconds (a flood),
 * the newest are rendered at once, so the end of the text is on screen in the same frame, and the
 * older ones wait in a {@link Backlog} that holds their place with an estimated height; they are
 * rendered in order over the next frames, a few milliseconds' worth each, so no frame stalls.
 */
public final class MarkdownView extends BlockColumn {
    static final int SECTION_SIZE = 48;
    private static final double SPACING = 8;
    /** Rendering time per frame; styling and laying out what was rendered come on top, in the same pulse. */
    private static final long FRAME_BUDGET_NANOS = 4_000_000;

    private final MarkdownRenderer renderer;
    private final BlockSplitter splitter = new BlockSplitter();
    private final ArrayDeque<Backlog> backlogs = new ArrayDeque<>();
    private final AnimationTimer catchUp = new AnimationTimer() {
        @Override
        public void handle(long now) {
            renderBacklog();
        }
    };
    private Node openNode;
    private Node wholeText;
    private boolean streaming;

    public MarkdownView(MarkdownRenderer renderer) {
        super(SPACING);
        this.renderer = renderer;
        getStyleClass().add("md-view");
    }

    /** Shows this text, rendered as a whole (no stream). */
    public void setText(String markdown) {
        catchUp.stop();
        backlogs.clear();
        splitter.reset();
        streaming = false;
        openNode = null;
        wholeText = markdown.isEmpty() ? null : renderer.render(markdown);
        getChildren().setAll(wholeText == null ? List.of() : List.of(wholeText));
    }

    /** Adds streamed text. Call at most once per frame with all text that arrived since the last call. */
    public void append(String text) {
        if (!streaming) {
            setText("");
            streaming = true;
        }
        List<String> finished = splitter.append(text);
        removeOpen();
        if (!finished.isEmpty()) addFinished(finished);
        showOpen(splitter.openBlock());
    }

    /** The stream ended: the open block becomes the last finished one. */
    public void finish() {
        if (!streaming) return;
        streaming = false;
        splitter.reset();
    }

    /** True when every block is rendered (none waits in a backlog for a later frame). */
    public boolean caughtUp() {
        return backlogs.isEmpty();
    }

    /** Renders the newest blocks now, within the budget, and queues the older rest behind a placeholder. */
    private void addFinished(List<String> blocks) {
        long deadline = System.nanoTime() + FRAME_BUDGET_NANOS;
        ArrayDeque<Node> rendered = new ArrayDeque<>();
        int next = blocks.size();
        do {
            rendered.addFirst(renderer.render(blocks.get(--next)));
        } while (next > 0 && System.nanoTime() < deadline);
        if (next > 0) queue(blocks.subList(0, next));
        for (Node block : rendered) lastSection().getChildren().add(block);
    }

    private void queue(List<String> blocks) {
        Backlog backlog = new Backlog(SPACING);
        backlog.addAll(blocks);
        backlogs.add(backlog);
        getChildren().add(backlog);
        catchUp.start();
    }

    /** One frame's share of the oldest backlog, rendered into sections just before it. */
    private void renderBacklog() {
        Backlog backlog = backlogs.peek();
        if (backlog == null) {
            catchUp.stop();
            return;
        }
        long deadline = System.nanoTime() + FRAME_BUDGET_NANOS;
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double before = width > 0 ? prefHeight(getWidth()) : 0;
        double held = width > 0 ? backlog.prefHeight(width) : 0;
        List<Node> rendered = new ArrayList<>();
        do {
            rendered.add(renderer.render(backlog.poll()));
        } while (!backlog.isEmpty() && System.nanoTime() < deadline);
        for (Node block : rendered) sectionBefore(backlog).getChildren().add(block);
        if (width > 0 && !backlog.isEmpty()) keepHeight(rendered, backlog, held, before, width);
        if (backlog.isEmpty()) {
            getChildren().remove(backlog);
            backlogs.poll();
            if (backlogs.isEmpty()) catchUp.stop();
        }
    }

    /**
     * Styles and measures the blocks just rendered, then shrinks the backlog by what they added, so
     * the reply keeps its height and the text on screen below does not move.
     */
    private void keepHeight(List<Node> rendered, Backlog backlog, double held, double before, double width) {
        for (Node block : rendered) block.applyCss();
        backlog.holdHeight(held, width);
        double grown = prefHeight(getWidth()) - before;
        backlog.holdHeight(held - grown, width);
    }

    /**
     * Shows only the blocks that overlap {@code top..bottom} (this view's coordinates) and hides the
     * others, which keep their place in the layout. JavaFX draws every visible node of a scroll
     * pane's content on each frame, also the ones outside the viewport: a long reply drew all its
     * text on every frame of a stream. Sections out of range are hidden whole, so a call costs the
     * number of sections plus the blocks of the one or two sections in view.
     */
    public void showOnly(double top, double bottom) {
        for (Node group : getChildren()) {
            double groupTop = group.getLayoutY();
            boolean inView = overlaps(groupTop, group, top, bottom);
            group.setVisible(inView);
            if (inView && group instanceof Parent parent && (group instanceof Section || group == wholeText)) {
                for (Node block : parent.getChildrenUnmodifiable()) {
                    block.setVisible(overlaps(groupTop + block.getLayoutY(), block, top, bottom));
                }
            }
        }
    }

    private static boolean overlaps(double nodeTop, Node node, double top, double bottom) {
        return nodeTop <= bottom && nodeTop + node.getLayoutBounds().getHeight() >= top;
    }

    /** The section that takes the next block at the end, started anew when the last one is full. */
    private BlockColumn lastSection() {
        if (!getChildren().isEmpty() && getChildren().getLast() instanceof Section section
                && section.getChildren().size() < SECTION_SIZE) {
            return section;
        }
        Section section = new Section();
        getChildren().add(section);
        return section;
    }

    /** The section right before this backlog that takes the next block from it. */
    private BlockColumn sectionBefore(Backlog backlog) {
        int at = getChildren().indexOf(backlog);
        if (at > 0 && getChildren().get(at - 1) instanceof Section section && section.getChildren().size() < SECTION_SIZE) {
            return section;
        }
        Section section = new Section();
        getChildren().add(at, section);
        return section;
    }

    private void showOpen(String openText) {
        if (!openText.isBlank()) {
            openNode = renderer.render(openText);
            lastSection().getChildren().add(openNode);
        }
    }

    private void removeOpen() {
        if (openNode != null) {
            BlockColumn section = (BlockColumn) openNode.getParent();
            section.getChildren().remove(openNode);
            if (section.getChildren().isEmpty()) getChildren().remove(section);
            openNode = null;
        }
    }

    /** A run of consecutive blocks. */
    private static final class Section extends BlockColumn {
        Section() {
            super(SPACING);
            getStyleClass().add("md-section");
        }
    }
}
