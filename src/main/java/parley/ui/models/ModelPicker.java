package parley.ui.models;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.provider.ModelInfo;

/**
 * A button naming the chosen model; it opens a searchable list of the provider's models with
 * their prices and context lengths. Enter takes the highlighted model, or the typed id when the
 * list has none.
 */
public final class ModelPicker extends HBox {
    private final ProviderViewModel vm;
    private final Button button = new Button();
    private final CustomTextField search = new CustomTextField();
    private final ListView<ModelInfo> list = new ListView<>();
    private final Popover popover;

    public ModelPicker(ProviderViewModel vm) {
        super(4);
        this.vm = vm;
        setAlignment(Pos.CENTER_LEFT);
        button.setId("model-button");
        button.setGraphic(new FontIcon(Feather.CPU));
        button.setMnemonicParsing(false);
        button.setMaxWidth(360);
        button.setPrefWidth(300);
        button.setMinWidth(120); // a narrow window shortens the model's name, never the tool bar's end
        button.setAlignment(Pos.CENTER_LEFT);
        button.textProperty().bind(vm.modelProperty().map(m -> m.isEmpty() ? "Choose a model" : m));
        button.setTooltip(new Tooltip("The model (Ctrl+M to search)"));

        search.setId("model-search");
        search.setPromptText("Search or type a model id");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().addListener((o, old, now) -> vm.setFilter(now));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) { list.requestFocus(); list.getSelectionModel().selectFirst(); }
        });
        search.setOnAction(e -> pick(list.getItems().isEmpty() ? null : list.getItems().getFirst(), search.getText()));

        list.setId("model-list");
        list.setItems(vm.models());
        list.setCellFactory(v -> new ModelCell());
        list.setPrefSize(460, 320);
        list.setOnMouseClicked(e -> { if (e.getClickCount() >= 1) pick(list.getSelectionModel().getSelectedItem(), null); });
        list.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ENTER) pick(list.getSelectionModel().getSelectedItem(), null); });

        Label state = new Label();
        state.setId("model-state");
        state.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        state.setWrapText(true);
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::stateText,
                vm.modelsStateProperty(), vm.reachMessageProperty(), list.itemsProperty(), vm.filterProperty()));
        VBox box = new VBox(8, search, list, state);
        box.setPadding(new Insets(4));
        box.setPrefWidth(480);
        popover = new Popover(box);
        popover.setTitle("");
        popover.setHeaderAlwaysVisible(false);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        popover.setDetachable(false);
        button.setOnAction(e -> open());

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("models-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Reload the model list (F5)"));
        refresh.setOnAction(e -> vm.refreshModels());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("models-spinner");
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        var busy = vm.modelsStateProperty().isEqualTo(ProviderViewModel.ModelsState.LOADING);
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(busy);
        refresh.visibleProperty().bind(busy.not());
        refresh.managedProperty().bind(busy.not());
        getChildren().addAll(button, refresh, spinner);
        HBox.setHgrow(button, Priority.SOMETIMES);
    }

    /** Opens the list with the search field focused. */
    public void open() {
        if (popover.isShowing()) return;
        search.clear();
        popover.show(button);
        search.requestFocus();
    }

    private void pick(ModelInfo chosen, String typed) {
        if (chosen != null) vm.selectModel(chosen.id());
        else if (typed != null && !typed.isBlank()) vm.selectModel(typed);
        else return;
        popover.hide();
    }

    private String stateText() {
        return switch (vm.modelsStateProperty().get()) {
            case IDLE -> "The model list has not been loaded yet.";
            case LOADING -> "Loading the model list…";
            case FAILED -> vm.reachMessageProperty().get() + " Type a model id and press Enter to use it anyway.";
            case LOADED -> list.getItems().isEmpty()
                    ? "No model matches; press Enter to use \"" + vm.filterProperty().get().strip() + "\" as typed."
                    : vm.models().size() + " of " + vm.modelCount() + " models";
        };
    }

    private static final class ModelCell extends ListCell<ModelInfo> {
        private final Label name = new Label();
        private final Label tag = new Label("not ready");
        private final Label details = new Label();
        private final VBox box;

        ModelCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            tag.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL, "model-tag");
            details.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            HBox top = new HBox(6, name, tag);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(1, top, details);
        }

        @Override
        protected void updateItem(ModelInfo m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            name.setText(m.id());
            tag.setVisible(!m.ready());
            tag.setManaged(!m.ready());
            String text = ModelText.details(m);
            if (m.displayName() != null && !m.displayName().equals(m.id())) {
                text = m.displayName() + (text.isEmpty() ? "" : " · " + text);
            }
            details.setText(text);
            details.setVisible(!text.isEmpty());
            details.setManaged(!text.isEmpty());
            setGraphic(box);
            setOpacity(m.ready() ? 1 : 0.7);
        }
    }
}
