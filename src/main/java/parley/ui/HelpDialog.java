package parley.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Lists every keyboard shortcut of the window and the transcript. */
final class HelpDialog {
    private HelpDialog() {}

    static void show(Window owner, List<Shortcut> shortcuts) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        GridPane grid = new GridPane(24, 8);
        grid.setId("shortcut-list");
        grid.setPadding(new Insets(8, 4, 8, 4));
        for (int i = 0; i < shortcuts.size(); i++) {
            Label keys = new Label(shortcuts.get(i).keys());
            keys.getStyleClass().addAll("shortcut-keys", Styles.TEXT_BOLD);
            grid.addRow(i, keys, new Label(shortcuts.get(i).action()));
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Scene scene = owner.getScene();
        if (scene != null) {
            dialog.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
            dialog.getDialogPane().styleProperty().bind(scene.getRoot().styleProperty());
        }
        dialog.show();
    }
}
