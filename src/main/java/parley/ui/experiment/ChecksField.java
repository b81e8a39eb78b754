package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.experiment.Check;
import parley.ui.Decorations;

/**
 * The experiment's checks: a kind, its text (or the judge's model, rubric and pass mark), Add; the
 * list with Remove. A refused check decorates the text field, or is shown beside the judge's fields.
 */
final class ChecksField extends VBox {
    private final StringProperty message = new SimpleStringProperty("");

    ChecksField(ExperimentFormModel form) {
        super(6);
        setId("experiment-checks");
        ComboBox<CheckKind> kind = new ComboBox<>();
        kind.setId("check-kind");
        kind.getItems().setAll(CheckKind.values());
        kind.getSelectionModel().selectFirst();
        TextField text = new TextField();
        text.setId("check-text");
        text.setPromptText("text, regex or number of tokens");
        text.disableProperty().bind(kind.valueProperty().map(k -> !k.needsText()));
        JudgeEditor judge = new JudgeEditor(form);
        var judging = kind.valueProperty().map(k -> k == CheckKind.JUDGE);
        judge.visibleProperty().bind(judging);
        judge.managedProperty().bind(judging);
        text.visibleProperty().bind(judging.map(j -> !j));
        text.managedProperty().bind(text.visibleProperty());
        judging.subscribe(j -> { if (j) judge.preselect(); });
        text.textProperty().addListener((o, old, now) -> message.set(""));
        HBox.setHgrow(text, Priority.ALWAYS);
        Decorations.follow(text, message);
        Button add = new Button("Add check");
        add.setId("add-check");
        add.getStyleClass().add(Styles.SMALL);
        Runnable adding = () -> {
            if (kind.getValue() == CheckKind.JUDGE) {
                judge.add();
                return;
            }
            String refusal = form.addCheck(kind.getValue(), text.getText());
            message.set(refusal);
            if (refusal.isEmpty()) text.clear();
        };
        add.setOnAction(e -> adding.run());
        text.setOnAction(e -> adding.run());

        ListView<Check> list = new ListView<>(form.checks());
        list.setId("check-list");
        list.setPrefHeight(90);
        list.setPlaceholder(new Label("No checks: every reply is shown as it is."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Check check, boolean empty) {
                super.updateItem(check, empty);
                setText(empty || check == null ? null : CheckKind.describe(check));
            }
        });
        Button remove = new Button("Remove");
        remove.setId("remove-check");
        remove.getStyleClass().add(Styles.SMALL);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> form.checks().remove(list.getSelectionModel().getSelectedIndex()));
        HBox editor = new HBox(6, kind, text, add, remove);
        editor.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(editor, judge, list);
    }
}
