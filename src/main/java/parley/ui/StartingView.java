package parley.ui;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.RotateTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.layout.Background;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * What the window shows while the database opens and the views are built: a spinner, or why it
 * failed. Made of shapes and text only, with its colours set in code: no control and no stylesheet
 * has to be loaded before the first frame.
 */
final class StartingView extends VBox {
    static final String OPENING = "Opening the conversation store…";
    private static final double RADIUS = 14;

    private final Group spinner;
    private final RotateTransition turning;
    private final Text message = new Text(OPENING);

    StartingView(StartPalette palette) {
        super(12);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
        setBackground(Background.fill(palette.background()));
        spinner = spinner(palette);
        turning = new RotateTransition(Duration.seconds(1), spinner);
        turning.setByAngle(360);
        turning.setCycleCount(Animation.INDEFINITE);
        turning.setInterpolator(Interpolator.LINEAR);
        message.setFill(palette.text());
        message.setTextAlignment(TextAlignment.CENTER);
        message.wrappingWidthProperty().bind(widthProperty().subtract(48));
        message.getStyleClass().add("start-message");
        getChildren().addAll(spinner, message);
        turning.play();
    }

    private static Group spinner(StartPalette palette) {
        Circle track = new Circle(RADIUS, null);
        track.setStroke(palette.accent().deriveColor(0, 1, 1, 0.2));
        track.setStrokeWidth(3);
        Arc arc = new Arc(0, 0, RADIUS, RADIUS, 90, 270);
        arc.setType(ArcType.OPEN);
        arc.setFill(null);
        arc.setStroke(palette.accent());
        arc.setStrokeWidth(3);
        arc.setStrokeLineCap(StrokeLineCap.ROUND);
        Group group = new Group(track, arc);
        group.getStyleClass().add("start-spinner");
        return group;
    }

    boolean spinning() {
        return getChildren().contains(spinner) && turning.getStatus() == Animation.Status.RUNNING;
    }

    String message() {
        return message.getText();
    }

    /** Replaces the spinner with a one-line reason the window could not be built. */
    void failed(String reason) {
        turning.stop();
        getChildren().remove(spinner);
        message.setText("Parley could not start: " + reason);
    }
}
