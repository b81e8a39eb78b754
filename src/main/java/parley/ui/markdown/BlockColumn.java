package parley.ui.markdown;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;

/**
 * Lays its children out top to bottom at its full width, like a VBox, but remembers each child's
 * height for the width it was measured at and measures again only a child that asked for a new
 * layout. A VBox measures every child on every pass; with thousands of text blocks in a long reply
 * that made each frame cost as much as the whole transcript. Here a frame costs only the blocks
 * that changed (while streaming: the open block).
 */
public class BlockColumn extends Pane {
    private static final double PREF_WIDTH = 400;

    private final Map<Node, double[]> heights = new IdentityHashMap<>();
    private double spacing;

    public BlockColumn(double spacing) {
        this.spacing = spacing;
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                for (Node removed : change.getRemoved()) heights.remove(removed);
            }
        });
    }

    public void setSpacing(double value) {
        spacing = value;
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /**
     * The column takes the width it is given; it does not ask its children (a long reply would be
     * measured block by block just to answer).
     */
    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + PREF_WIDTH + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight();
    }

    /** Parents ask for the minimum on every pass; answering with the full height would measure twice. */
    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = width >= 0 ? width : (getWidth() > 0 ? getWidth() : computePrefWidth(-1));
        double inner = Math.max(0, w - in.getLeft() - in.getRight());
        List<Node> children = getManagedChildren();
        double total = 0;
        for (Node child : children) total += height(child, inner);
        return in.getTop() + total + spacing * Math.max(0, children.size() - 1) + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double y = in.getTop();
        for (Node child : getManagedChildren()) {
            double h = height(child, inner);
            child.resizeRelocate(in.getLeft(), y, inner, h);
            y += h + spacing;
        }
    }

    /**
     * The child's height at this width, measured again only when the child asked for a new layout.
     * Two widths are remembered: a scroll pane measures its content with and without room for its
     * scroll bar in every pass, and with one the two would evict each other and measure every block
     * twice a frame.
     */
    private double height(Node child, double width) {
        double[] known = heights.get(child);
        boolean changed = child instanceof Parent p && p.isNeedsLayout();
        if (known != null && !changed) {
            if (known[0] == width) return known[1];
            if (known[2] == width) return known[3];
        }
        double h = snapSizeY(child.prefHeight(width));
        if (known == null || changed) heights.put(child, new double[] {width, h, Double.NaN, 0});
        else heights.put(child, new double[] {width, h, known[0], known[1]});
        return h;
    }
}
