package parley.ui.prompts;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/** The dialog the library shows in, made on first opening; it stays open while the composer is used. */
final class PromptLibraryDialog {
    private final Node owner;
    private final PromptLibraryViewModel model;
    private Dialog<Void> dialog;

    PromptLibraryDialog(Node owner, PromptLibraryViewModel model) {
        this.owner = owner;
        this.model = model;
    }

    void show() {
        if (dialog == null) {
            dialog = new Dialog<>();
            dialog.setTitle("Prompts");
            dialog.setHeaderText("The prompt library: yours and, when connected, your team's");
            dialog.getDialogPane().setContent(new PromptLibraryView(model));
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.setResizable(true);
            dialog.initModality(javafx.stage.Modality.NONE);
            if (owner.getScene() != null) dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.show();
    }

    void close() {
        if (dialog != null) dialog.close();
    }
}
