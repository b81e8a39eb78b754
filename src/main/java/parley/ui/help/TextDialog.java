package parley.ui.help;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A non-modal window showing text to read and copy: the details of a failure, About Parley. */
final class TextDialog {
    private TextDialog() {}

    static Dialog<Void> show(Window owner, String id, String title, String header, String text) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(760, 420);
        area.setStyle("-fx-font-family: monospace;");
        VBox content = new VBox(area);
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) dialog.getDialogPane().lookupButton(copy);
        copyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // copying does not close the window
            ClipboardContent clip = new ClipboardContent();
            clip.putString(text);
            Clipboard.getSystemClipboard().setContent(clip);
        });
        Scene scene = owner == null ? null : owner.getScene();
        if (scene != null) {
            dialog.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
            dialog.getDialogPane().styleProperty().bind(scene.getRoot().styleProperty());
        }
        dialog.show();
        return dialog;
    }
}
