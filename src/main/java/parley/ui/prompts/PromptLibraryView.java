package parley.ui.prompts;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import parley.prompt.PromptVersion;

/**
 * The prompt library: the list (yours, then the team's, greyed with "team offline" when away), the
 * chosen prompt's versions with who saved each, when and why, a diff of two versions, the values of
 * its variables and Use; Save as prompt from the composer, and Share to team. Binds to a
 * {@link PromptLibraryViewModel}; every decision is there.
 */
public final class PromptLibraryView extends VBox {
    private final PromptLibraryViewModel model;

    public PromptLibraryView(PromptLibraryViewModel model) {
        this.model = model;
        setId("prompt-library");
        setSpacing(8);
        setPadding(new Insets(4));
        setPrefSize(820, 560);
        SplitPane split = new SplitPane(list(), details());
        split.setDividerPositions(0.32);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label message = new Label();
        message.setId("prompt-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(split, saveRow(), message);
    }

    private Node list() {
        ListView<PromptEntry> prompts = new ListView<>(model.entries());
        prompts.setId("prompt-list");
        prompts.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PromptEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.label());
                // the team's prompts are greyed while the team's library cannot be reached
                disableProperty().unbind();
                if (!empty && entry != null && entry.team()) disableProperty().bind(model.teamStatusProperty().isNotEmpty());
                else setDisable(false);
            }
        });
        prompts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.select(now));
        Label team = new Label();
        team.setId("prompt-team-status");
        team.setWrapText(true);
        team.getStyleClass().add("text-muted");
        team.textProperty().bind(model.teamStatusProperty());
        team.visibleProperty().bind(team.textProperty().isNotEmpty());
        team.managedProperty().bind(team.visibleProperty());
        Button share = new Button("Share to team");
        share.setId("prompt-share");
        share.disableProperty().bind(model.selectedProperty().map(e -> e.team()).orElse(true));
        share.setOnAction(e -> model.share());
        VBox.setVgrow(prompts, Priority.ALWAYS);
        return new VBox(6, prompts, team, share);
    }

    private Node details() {
        ListView<PromptVersion> versions = new ListView<>(model.versions());
        versions.setId("prompt-versions");
        versions.setPrefHeight(130);
        versions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PromptVersion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : PromptLines.version(item));
            }
        });
        versions.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> { if (now != null) model.choose(now); });
        TextArea shown = new TextArea();
        shown.setId("prompt-text");
        shown.setEditable(false);
        shown.setWrapText(true);
        shown.textProperty().bind(model.chosenProperty().map(PromptLines::whole).orElse(""));
        VBox.setVgrow(shown, Priority.ALWAYS);
        return new VBox(6, versions, shown, diffRow(), useRow());
    }

    private Node diffRow() {
        Spinner<Integer> from = new Spinner<>(1, Integer.MAX_VALUE, 1);
        Spinner<Integer> to = new Spinner<>(1, Integer.MAX_VALUE, 2);
        from.setPrefWidth(80);
        to.setPrefWidth(80);
        from.setEditable(true);
        to.setEditable(true);
        Button diff = new Button("Diff");
        diff.setId("prompt-diff");
        diff.disableProperty().bind(model.selectedProperty().isNull());
        diff.setOnAction(e -> model.diff(from.getValue(), to.getValue()));
        TextArea lines = new TextArea();
        lines.setId("prompt-diff-text");
        lines.setEditable(false);
        lines.setPrefRowCount(5);
        lines.getStyleClass().add("prompt-diff");
        lines.textProperty().bind(model.diffProperty());
        lines.visibleProperty().bind(model.diffProperty().isNotEmpty());
        lines.managedProperty().bind(lines.visibleProperty());
        return new VBox(4, new HBox(6, new Label("Versions"), from, new Label("to"), to, diff), lines);
    }

    private Node useRow() {
        GridPane values = new GridPane();
        values.setId("prompt-variables");
        values.setHgap(6);
        values.setVgap(4);
        model.variables().addListener((ListChangeListener<String>) c -> fillVariables(values));
        ComboBox<PromptLibraryViewModel.Parameters> parameters = new ComboBox<>(model.parameterChoices());
        parameters.setId("prompt-parameters");
        parameters.setConverter(new StringConverter<>() {
            @Override
            public String toString(PromptLibraryViewModel.Parameters p) { return PromptLines.parameters(p); }

            @Override
            public PromptLibraryViewModel.Parameters fromString(String s) { return null; }
        });
        parameters.getSelectionModel().selectFirst();
        model.parameterChoices().addListener((ListChangeListener<PromptLibraryViewModel.Parameters>) c -> {
            if (parameters.getValue() == null) parameters.getSelectionModel().selectFirst();
        });
        Button use = new Button("Use");
        use.setId("prompt-use");
        use.getStyleClass().add("accent");
        use.disableProperty().bind(model.chosenProperty().isNull());
        use.setOnAction(e -> model.use(parameters.getValue() == null ? PromptLibraryViewModel.PROMPT_OWN : parameters.getValue()));
        return new VBox(4, values, new HBox(6, use, parameters));
    }

    private void fillVariables(GridPane grid) {
        grid.getChildren().clear();
        int row = 0;
        for (String name : model.variables()) {
            TextField value = new TextField();
            value.setId("prompt-var-" + name);
            value.setPromptText("value of {{" + name + "}}");
            value.textProperty().addListener((o, was, now) -> model.setValue(name, now));
            model.setValue(name, "");
            grid.addRow(row++, new Label(name), value);
            GridPane.setHgrow(value, Priority.ALWAYS);
        }
    }

    private Node saveRow() {
        TextField name = new TextField();
        name.setId("prompt-save-name");
        name.setPromptText("Name");
        TextField note = new TextField();
        note.setId("prompt-save-note");
        note.setPromptText("Note: what changed (optional)");
        HBox.setHgrow(note, Priority.ALWAYS);
        CheckBox team = new CheckBox("in the team's library");
        team.setId("prompt-save-team");
        Button save = new Button("Save as prompt");
        save.setId("prompt-save");
        save.setOnAction(e -> model.saveFromComposer(name.getText(), note.getText(), team.isSelected()));
        save.disableProperty().bind(model.stateProperty().isEqualTo(PromptLibraryViewModel.State.BUSY));
        return new HBox(6, new Label("From the composer:"), name, note, team, save);
    }
}
