package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A word diff as flowing text with the changed words on a tinted background (a Text has none, so the
 * flow's own shapes of each changed range are drawn behind it after every layout).
 */
final class DiffText extends Region {
    private final TextFlow flow = new TextFlow();
    private final Group marks = new Group();
    private final List<Range> ranges = new ArrayList<>();

    private record Range(int start, int end, String styleClass) {}

    DiffText() {
        getStyleClass().add("diff-text");
        marks.setManaged(false);
        getChildren().addAll(marks, flow);
    }

    void show(List<WordDiff.Piece> pieces) {
        List<Text> texts = new ArrayList<>();
        ranges.clear();
        int at = 0;
        for (WordDiff.Piece piece : pieces) {
            Text text = new Text(piece.text());
            String kind = switch (piece.kind()) {
                case SAME -> "diff-same";
                case DELETED -> "diff-deleted";
                case INSERTED -> "diff-inserted";
            };
            text.getStyleClass().add(kind);
            text.setStrikethrough(piece.kind() == WordDiff.Kind.DELETED);
            if (piece.kind() != WordDiff.Kind.SAME) ranges.add(new Range(at, at + piece.text().length(), kind + "-mark"));
            at += piece.text().length();
            texts.add(text);
        }
        flow.getChildren().setAll(texts);
        requestLayout();
    }

    List<Text> texts() {
        return flow.getChildren().stream().map(Text.class::cast).toList();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + flow.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + flow.prefWidth(height) + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        flow.resizeRelocate(x, y, w, flow.prefHeight(w));
        flow.layout();
        List<Path> paths = new ArrayList<>();
        for (Range range : ranges) {
            Path path = new Path(flow.rangeShape(range.start(), range.end()));
            path.getStyleClass().add(range.styleClass());
            path.setStrokeWidth(0);
            path.setManaged(false);
            paths.add(path);
        }
        marks.getChildren().setAll(paths);
        marks.relocate(x, y);
    }
}
