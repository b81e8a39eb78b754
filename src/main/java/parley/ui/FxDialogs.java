package parley.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} as JavaFX alerts and file choosers, owned by the window that {@code anchor} is in. */
public final class FxDialogs implements Dialogs {
    private final Node anchor;

    public FxDialogs(Node anchor) {
        this.anchor = anchor;
    }

    @Override
    public boolean confirm(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        dress(alert);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public void warn(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(header);
        dress(alert);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseOpen(String title, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Parley files", patterns));
        return Optional.ofNullable(chooser.showOpenDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dress(dialog);
        return dialog.showAndWait();
    }

    /** Owned by the window, and styled by its stylesheets, so the dialog follows the theme. */
    private void dress(Dialog<?> dialog) {
        dialog.initOwner(owner());
        if (anchor.getScene() != null) dialog.getDialogPane().getStylesheets().addAll(anchor.getScene().getStylesheets());
    }

    private Window owner() {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }
}
