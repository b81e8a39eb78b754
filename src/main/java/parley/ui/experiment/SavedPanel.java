package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.experiment.ExperimentSummary;
import parley.experiment.SavedExperiment;
import parley.ui.Dialogs;
import parley.ui.team.SharedShelfModel;
import parley.ui.team.SharedShelfView;
import parley.usage.Money;

/** The saved experiments above the form, narrowed by the search field above them: each with its cells, failures and cost; Open, Rename, Delete, Export…; Import…. */
final class SavedPanel extends VBox {
    private static final double TEAM_HEIGHT = 200;

    SavedPanel(SavedModel saved, SharedShelfModel shared, Dialogs dialogs, Consumer<SavedExperiment> open) {
        super(6);
        setId("saved-experiments");
        getStyleClass().add("saved-experiments");
        setPrefHeight(240);
        TextField search = new TextField();
        search.setId("saved-search");
        search.setPromptText("Search names, prompts and replies");
        search.textProperty().addListener((o, old, now) -> saved.search(now));
        ListView<ExperimentSummary> list = new ListView<>(saved.items());
        list.setId("saved-list");
        Label placeholder = new Label();
        placeholder.textProperty().bind(search.textProperty().map(t -> t.isBlank() ? "No experiment saved yet."
                : "No saved experiment matches."));
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExperimentSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name() + "\n" + s.done() + " of " + s.cellCount() + " cells · "
                        + s.failed() + " failed · " + Money.format(s.costUsd()) + (s.costUnknownCells() > 0 ? " + unknown" : ""));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        var none = list.getSelectionModel().selectedItemProperty().isNull();
        Button openButton = button("saved-open", "Open", () -> saved.open(selected(list).id(), open));
        Button rename = button("saved-rename", "Rename", () -> dialogs.askText("Rename the experiment", "Its new name",
                selected(list).name()).ifPresent(name -> saved.rename(selected(list).id(), name)));
        Button delete = button("saved-delete", "Delete", () -> {
            if (dialogs.confirm("Delete the experiment", "Delete \"" + selected(list).name() + "\"?",
                    "Its cells and their results go with it.")) {
                saved.delete(selected(list).id());
            }
        });
        MenuButton export = ExportMenu.of("saved-export", saved, dialogs,
                () -> new ExportMenu.Chosen(selected(list).id(), selected(list).name()));
        Button share = button("saved-share", "Share to team", () -> saved.share(shared, selected(list)));
        for (Node b : new Node[]{openButton, rename, delete, export, share}) b.disableProperty().bind(none);
        Button importButton = button("saved-import", "Import…", () -> dialogs.chooseOpen("Import an experiment", "*.json")
                .ifPresent(saved::importFile));
        HBox buttons = new HBox(4, openButton, rename, delete, export, importButton, share);
        buttons.setAlignment(Pos.CENTER_LEFT);
        SharedShelfView team = new SharedShelfView("experiments", "Open a copy", shared,
                item -> saved.openShared(shared, item, open));
        team.expandedProperty().subscribe(expanded -> setPrefHeight(expanded ? 240 + TEAM_HEIGHT : 240)); // room for both lists
        getChildren().addAll(search, list, buttons, message(saved), team);
        saved.refresh();
    }

    /** The last command's outcome: in the danger colour when it failed. */
    static Label message(SavedModel saved) {
        Label message = new Label();
        message.setId("saved-message");
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(saved.messageProperty());
        saved.failedProperty().subscribe(failed -> {
            if (failed) message.getStyleClass().add(Styles.DANGER);
            else message.getStyleClass().remove(Styles.DANGER);
        });
        return message;
    }

    private static ExperimentSummary selected(ListView<ExperimentSummary> list) {
        return list.getSelectionModel().getSelectedItem();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setOnAction(e -> action.run());
        return b;
    }
}
