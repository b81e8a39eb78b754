package parley.ui.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.engine.FoundModel;
import parley.ui.ViewBindings;

/** The panel "This computer": choose or drop a .gguf file, or pick one found here; the engine's state. */
final class EngineView extends VBox {
    EngineView(EngineViewModel model, Supplier<Optional<Path>> chooseFile) {
        super(8);
        setPadding(new Insets(10));
        getStyleClass().add("engine-view");

        Button choose = new Button("Choose a .gguf file…");
        choose.setId("engine-choose");
        choose.setOnAction(e -> chooseFile.get().ifPresent(model::choose));
        Button refresh = new Button("Look again");
        refresh.setOnAction(e -> model.refresh());
        Label status = new Label();
        status.setId("engine-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("engine-loading");
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.stateProperty().isEqualTo(EngineViewModel.State.LOADING));
        loading.managedProperty().bind(loading.visibleProperty());
        Button restart = new Button("Restart");
        restart.setId("engine-restart");
        restart.visibleProperty().bind(model.stateProperty().isEqualTo(EngineViewModel.State.CRASHED));
        restart.managedProperty().bind(restart.visibleProperty());
        restart.setOnAction(e -> model.restart());
        TextArea lines = new TextArea();
        lines.setId("engine-last-lines");
        lines.setEditable(false);
        lines.setPrefRowCount(6);
        lines.textProperty().bind(model.lastLinesProperty());
        lines.visibleProperty().bind(model.lastLinesProperty().isNotEmpty());
        lines.managedProperty().bind(lines.visibleProperty());

        Spinner<Integer> idle = new Spinner<>(0, 24 * 60, model.idleMinutesProperty().get());
        idle.setId("engine-idle-minutes");
        idle.setEditable(true);
        idle.setPrefWidth(90);
        ViewBindings.follow(model.idleMinutesProperty().asObject(), idle.getValueFactory().valueProperty(),
                minutes -> model.setIdleMinutes(minutes == null ? 0 : minutes));
        HBox idleRow = new HBox(8, new Label("Unload after"), idle, new Label("minutes without a message (0: never)"));
        idleRow.setAlignment(Pos.CENTER_LEFT);

        ListView<FoundModel> found = new ListView<>(model.found());
        found.setId("engine-found");
        found.setPlaceholder(new Label("No .gguf files found in Parley's models folder, LM Studio, Ollama or the Hugging Face cache."));
        found.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FoundModel item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : EngineViewModel.describe(item));
                setDisable(item != null && !item.runnable());
            }
        });
        found.setOnMouseClicked(e -> {
            FoundModel picked = found.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && picked != null && picked.runnable()) {
                model.choose(picked.file());
            }
        });
        VBox.setVgrow(found, Priority.ALWAYS);

        acceptDroppedFiles(model);
        getChildren().addAll(new HBox(8, choose, refresh, loading), status, idleRow, restart, lines,
                new Label("Found on this computer (double-click to run):"), found);
    }

    private void acceptDroppedFiles(EngineViewModel model) {
        setOnDragOver(e -> {
            if (gguf(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            File file = gguf(e.getDragboard().getFiles());
            if (file != null) {
                model.choose(file.toPath());
            }
            e.setDropCompleted(file != null);
            e.consume();
        });
    }

    private static File gguf(java.util.List<File> files) {
        return files == null ? null : files.stream()
                .filter(f -> f.getName().toLowerCase(Locale.ROOT).endsWith(".gguf")).findFirst().orElse(null);
    }
}
