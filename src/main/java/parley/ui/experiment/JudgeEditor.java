package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The judge check's own fields: the model that judges (any model the form offers, the first checked
 * one at first), the rubric and the pass mark from 1 to 5. A refusal is shown after them until the
 * rubric changes.
 */
final class JudgeEditor extends HBox {
    private final ExperimentFormModel form;
    private final ComboBox<ModelChoice> model = new ComboBox<>();
    private final TextField rubric = new TextField();
    private final Spinner<Integer> passMark = new Spinner<>(1, 5, 4);
    private final StringProperty message = new SimpleStringProperty("");

    JudgeEditor(ExperimentFormModel form) {
        super(6);
        this.form = form;
        setId("judge-editor");
        setAlignment(Pos.CENTER_LEFT);
        model.setId("judge-model");
        model.setItems(form.offered());
        model.setPromptText("the judge");
        rubric.setId("judge-rubric");
        rubric.setPromptText("rubric: what a good reply does");
        rubric.textProperty().addListener((o, old, now) -> message.set(""));
        HBox.setHgrow(rubric, Priority.ALWAYS);
        passMark.setId("judge-pass-mark");
        passMark.setPrefWidth(80);
        Label refusal = new Label();
        refusal.setId("judge-message");
        refusal.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        refusal.textProperty().bind(message);
        refusal.visibleProperty().bind(message.isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        getChildren().addAll(model, rubric, new Label("pass at"), passMark, refusal);
    }

    /** Picks the first checked model when none is picked yet (the editor is about to be shown). */
    void preselect() {
        if (model.getValue() == null && !form.chosen().isEmpty()) model.setValue(form.chosen().getFirst());
    }

    /** Adds the judge check; false when the form refused it (the editor shows why). */
    boolean add() {
        String refusal = form.addJudge(model.getValue(), rubric.getText(), passMark.getValue());
        message.set(refusal);
        if (refusal.isEmpty()) rubric.clear();
        return refusal.isEmpty();
    }
}
