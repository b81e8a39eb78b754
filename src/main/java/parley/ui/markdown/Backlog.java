package parley.ui.markdown;

import java.util.ArrayDeque;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * Finished Markdown blocks that wait to be rendered, holding their place in a {@link MarkdownView}
 * with an estimated height (lines of the default font at the width given), so the text after them
 * sits about where it will stay. The estimate costs the same however many blocks wait.
 */
final class Backlog extends Region {
    private static final double CHAR_WIDTH_EM = 0.55;
    private static final double LINE_HEIGHT_EM = 1.45;

    private final ArrayDeque<String> blocks = new ArrayDeque<>();
    private final double spacing;
    private long chars;
    private long lineBreaks;
    /** Added to the estimate, so that rendering part of the backlog leaves the height of the whole unchanged. */
    private double correction;

    Backlog(double spacing) {
        this.spacing = spacing;
        getStyleClass().add("md-backlog");
    }

    void addAll(List<String> more) {
        for (String block : more) {
            blocks.add(block);
            count(block, 1);
        }
        requestLayout();
    }

    String poll() {
        String block = blocks.poll();
        if (block != null) count(block, -1);
        requestLayout();
        return block;
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    int size() {
        return blocks.size();
    }

    /**
     * Keeps the height this backlog shows at {@code height} for the width given, whatever the
     * estimate of what is left says: blocks rendered out of it then take its place without moving
     * the text below (which would make JavaFX draw the whole visible reply again).
     */
    void holdHeight(double height, double width) {
        correction = height - estimate(width);
        requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(0, estimate(width) + correction);
    }

    private double estimate(double width) {
        double em = Font.getDefault().getSize();
        double w = Math.max(em * 10, width > 0 ? width : getWidth());
        double wrapped = chars * CHAR_WIDTH_EM * em / w;
        double lines = lineBreaks + blocks.size() + wrapped;
        return lines * LINE_HEIGHT_EM * em + spacing * Math.max(0, blocks.size() - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private void count(String block, int sign) {
        chars += sign * (long) block.length();
        lineBreaks += sign * block.chars().filter(c -> c == '\n').count();
    }
}
