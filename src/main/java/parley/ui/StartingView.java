package parley.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What the window shows while the database opens and the views are built: a spinner, or why it failed. */
final class StartingView extends VBox {
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label message = new Label("Opening the conversation store…");

    StartingView() {
        super(12);
        setAlignment(Pos.CENTER);
        getStyleClass().add("starting-view");
        message.setWrapText(true);
        getChildren().addAll(spinner, message);
    }

    /** Replaces the spinner with a one-line reason the window could not be built. */
    void failed(String reason) {
        getChildren().remove(spinner);
        message.setText("Parley could not start: " + reason);
    }
}
