package parley.ui.tools;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.ViewBindings;
import parley.ui.schema.SchemaEditor;

/**
 * One function of the Tools panel: its name (a refused rename says why under it), description,
 * parameters' schema and canned result. Built once per function; {@link #number} names its parts
 * by the function's place in the list ("tool-0-name", …).
 */
final class ToolCard extends VBox {
    private final TextField name = new TextField();
    private final Button remove = new Button(null, new FontIcon(Feather.TRASH_2));
    private final Label nameMessage;
    private final TextArea description = area("What the function does: the model reads this");
    private final SchemaEditor parameters;
    private final TextArea canned = area("A result to offer when the model calls it (optional)");

    ToolCard(ToolsViewModel vm, ToolEntry entry) {
        super(6);
        getStyleClass().add("tool-card");
        name.setText(entry.name());
        name.getStyleClass().add("tool-name");
        HBox.setHgrow(name, Priority.ALWAYS);
        Runnable rename = () -> {
            if (!vm.rename(entry, name.getText())) name.setText(entry.name());
        };
        name.setOnAction(e -> rename.run());
        name.focusedProperty().addListener((o, was, now) -> { if (!now) rename.run(); });
        entry.nameProperty().subscribe(name::setText);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        remove.setTooltip(new Tooltip("Remove this function"));
        remove.setOnAction(e -> vm.remove(entry));
        HBox head = new HBox(6, new FontIcon(Feather.TOOL), name, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        nameMessage = message(entry.nameMessageProperty());

        ViewBindings.follow(entry.descriptionProperty(), description.textProperty(), entry::setDescription);
        parameters = new SchemaEditor(entry.parameters(), "tool-schema",
                "The arguments' JSON Schema, e.g. {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}."
                        + " Empty: no arguments.");
        ViewBindings.follow(entry.cannedResultProperty(), canned.textProperty(), entry::setCannedResult);
        getChildren().addAll(head, nameMessage, caption("Description"), description, caption("Parameters"),
                parameters, caption("Canned result"), canned);
    }

    /** Names the card and its parts after the function's place in the list. */
    void number(int index) {
        String id = "tool-" + index;
        setId(id);
        name.setId(id + "-name");
        remove.setId(id + "-remove");
        nameMessage.setId(id + "-name-message");
        description.setId(id + "-description");
        parameters.name(id + "-schema");
        canned.setId(id + "-canned");
    }

    private static TextArea area(String prompt) {
        TextArea area = new TextArea();
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(2);
        return area;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static Label message(ObservableValue<String> text) {
        Label message = new Label();
        message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        return message;
    }
}
