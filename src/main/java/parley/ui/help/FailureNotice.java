package parley.ui.help;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The failure notice: non-modal, at the top right of the transcript (clear of the composer), with
 * Details (the stack trace, copyable), Open log folder and Dismiss. Follows {@link FailureNoticeModel}.
 */
final class FailureNotice extends Notification {
    FailureNotice(FailureNoticeModel model, Runnable showDetails, Runnable openLogFolder) {
        super("", new FontIcon(Feather.ALERT_TRIANGLE));
        setId("failure-notice");
        getStyleClass().addAll(Styles.DANGER, Styles.ELEVATED_2);
        setMaxSize(520, Region.USE_PREF_SIZE);
        messageProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get()
                + (model.countProperty().get() > 1 ? " (" + model.countProperty().get() + " times)" : ""),
                model.messageProperty(), model.countProperty()));
        visibleProperty().bind(model.showingProperty());
        managedProperty().bind(model.showingProperty());
        setPrimaryActions(button("Details", "failure-details", showDetails),
                button("Open log folder", "failure-open-log", openLogFolder),
                button("Dismiss", "failure-dismiss", model::dismiss));
        setOnClose(e -> model.dismiss());
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
