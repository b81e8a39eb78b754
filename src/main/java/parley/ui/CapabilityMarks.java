package parley.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import parley.capability.ModelCapabilities;
import parley.capability.Support;

/**
 * Marks a control by what the chosen model does with its parameter: greyed with the reason (as a
 * tooltip and a line under it) while the model ignores it, not shown while it refuses it.
 */
public final class CapabilityMarks {
    private CapabilityMarks() {}

    /** What the model of {@code capabilities} does with {@code parameter}, following it live. */
    public static ObservableValue<Support> support(ObservableValue<ModelCapabilities> capabilities, String parameter) {
        return capabilities.map(c -> c.status(parameter));
    }

    /** {@code node} greyed while {@code support} is ignored (reason as tooltip), hidden while it is refused. */
    public static <N extends Node> N marked(N node, ObservableValue<Support> support) {
        node.disableProperty().bind(support.map(Support::ignored));
        node.visibleProperty().bind(support.map(x -> !x.refused()));
        node.managedProperty().bind(node.visibleProperty());
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(320);
        why.textProperty().bind(support.map(Support::reason));
        support.subscribe(x -> {
            if (x.ignored()) Tooltip.install(node, why);
            else Tooltip.uninstall(node, why);
        });
        return node;
    }

    /**
     * {@code control} with the line "Ignored by this model: …" under it (id {@code ignored-PARAMETER}),
     * the whole greyed while the model ignores {@code parameter} and hidden while it refuses it.
     */
    public static Node markedWithNote(Node control, ObservableValue<ModelCapabilities> capabilities, String parameter) {
        ObservableValue<Support> support = support(capabilities, parameter);
        Label note = new Label();
        note.setId("ignored-" + parameter);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.textProperty().bind(support.map(s -> s.ignored() ? "Ignored by this model: " + s.reason() : ""));
        note.visibleProperty().bind(support.map(Support::ignored));
        note.managedProperty().bind(note.visibleProperty());
        return marked(new VBox(2, control, note), support);
    }
}
